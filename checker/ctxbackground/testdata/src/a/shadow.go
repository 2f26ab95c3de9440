package a

import "context"

// The parameter's name means something else where Background is called:
// reported, without a fix.
func shadowed(ctx context.Context, ids []string) error {
	for _, id := range ids {
		ctx := id
		if err := fetch(context.Background(), ctx); err != nil { // want `context\.Background\(\) drops .*: use the ctx parameter, or context\.WithoutCancel of it for work that must outlive it`
			return err
		}
	}
	return nil
}
