package cli

import "strings"

// Env is what accent reads from its environment. Main reads it once,
// with EnvFrom(os.Getenv), and passes it down in Globals: no other package
// looks at the environment for accent's settings (the grader passes the
// environment on to the go command, which is another matter).
type Env struct {
	Workspace        string // ACCENT_WORKSPACE: the workspace when --workspace is not given
	StateDir         string // ACCENT_STATE_DIR: where progress and rooms live
	Theme            string // ACCENT_THEME: dark or light, instead of asking the terminal
	WatchPoll        bool   // ACCENT_WATCH=poll: watch by polling file times
	FacilitatorToken string // ACCENT_FACILITATOR_TOKEN: instead of the room's token file
	NoColor          bool   // NO_COLOR set to anything
	Accessible       bool   // ACCESSIBLE set to anything but "", "0" and "false": the line-based workbench
	Editor           string // VISUAL, else EDITOR: the command that opens a file
	WSL              bool   // WSL_DISTRO_NAME or WSL_INTEROP set: running under WSL
	Home             string // HOME: shown as ~ in the workbench's paths
}

// EnvFrom reads accent's settings with getenv (os.Getenv in Main).
func EnvFrom(getenv func(string) string) Env {
	accessible := strings.ToLower(getenv("ACCESSIBLE"))
	editor := getenv("VISUAL")
	if strings.TrimSpace(editor) == "" {
		editor = getenv("EDITOR")
	}
	return Env{
		Workspace:        getenv("ACCENT_WORKSPACE"),
		StateDir:         getenv("ACCENT_STATE_DIR"),
		Theme:            getenv("ACCENT_THEME"),
		WatchPoll:        getenv("ACCENT_WATCH") == "poll",
		FacilitatorToken: getenv("ACCENT_FACILITATOR_TOKEN"),
		NoColor:          getenv("NO_COLOR") != "",
		Accessible:       accessible != "" && accessible != "0" && accessible != "false",
		Editor:           editor,
		WSL:              getenv("WSL_DISTRO_NAME") != "" || getenv("WSL_INTEROP") != "",
		Home:             getenv("HOME"),
	}
}
