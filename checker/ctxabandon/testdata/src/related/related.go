package related

import "context"

type worker struct{ jobs chan int }

func (w *worker) run(ctx context.Context) {
	for {
		select {
		case j := <-w.jobs: // related "the receive that would unblock it"
			_ = j
		case <-ctx.Done(): // related "gives up here when the context is cancelled"
			return
		}
	}
}

func (w *worker) submit(j int) {
	w.jobs <- j // want `sending on w\.jobs blocks forever once the context is cancelled`
}
