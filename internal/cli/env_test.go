package cli

import "testing"

func TestEnvFrom(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want Env
	}{
		{"nothing set", nil, Env{}},
		{"the paths and the theme", map[string]string{"ACCENT_WORKSPACE": "/w", "ACCENT_STATE_DIR": "/s", "ACCENT_THEME": "light"},
			Env{Workspace: "/w", StateDir: "/s", Theme: "light"}},
		{"watch by polling", map[string]string{"ACCENT_WATCH": "poll"}, Env{WatchPoll: true}},
		{"another watch word is not polling", map[string]string{"ACCENT_WATCH": "fsnotify"}, Env{}},
		{"any NO_COLOR", map[string]string{"NO_COLOR": "0"}, Env{NoColor: true}},
		{"ACCESSIBLE=1", map[string]string{"ACCESSIBLE": "1"}, Env{Accessible: true}},
		{"ACCESSIBLE=0", map[string]string{"ACCESSIBLE": "0"}, Env{}},
		{"ACCESSIBLE=False", map[string]string{"ACCESSIBLE": "False"}, Env{}},
		{"VISUAL first", map[string]string{"VISUAL": "code --wait", "EDITOR": "vi"}, Env{Editor: "code --wait"}},
		{"else EDITOR", map[string]string{"VISUAL": " ", "EDITOR": "vi"}, Env{Editor: "vi"}},
		{"WSL", map[string]string{"WSL_INTEROP": "/run/WSL/1_interop"}, Env{WSL: true}},
		{"the token", map[string]string{"ACCENT_FACILITATOR_TOKEN": "t0k"}, Env{FacilitatorToken: "t0k"}},
		{"HOME", map[string]string{"HOME": "/home/ana"}, Env{Home: "/home/ana"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EnvFrom(func(k string) string { return tt.vars[k] }); got != tt.want {
				t.Errorf("EnvFrom = %+v, want %+v", got, tt.want)
			}
		})
	}
}
