// The client's retry policy: which responses are sent again, after how
// long, and how often.

package runtime

import (
	"math/rand/v2"
	"time"
)

// RetryPolicy says when the client sends a request again: on 429, 503
// and 504, after the response's Retry-After (seconds or an HTTP date),
// else after an exponential backoff with full jitter (a random wait up to
// BaseDelay·2^(attempt-1), at most MaxDelay); at most MaxAttempts sends
// in all, never waiting past MaxElapsed since the first, and never past
// the context's end. A request whose body is a stream (an io.Reader) is
// sent once. The zero RetryPolicy never retries.
type RetryPolicy struct {
	MaxAttempts int           // sends in all, the first included; 0 or 1: no retry
	MaxElapsed  time.Duration // no wait ends later than this after the first send; 0: no bound
	BaseDelay   time.Duration // the first backoff's bound
	MaxDelay    time.Duration // no backoff or Retry-After is waited longer; 0: no bound
}

// DefaultRetryPolicy is the policy a client has unless WithRetryPolicy
// sets another: 4 sends within 2 minutes, backoff from 500 ms up to 30 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, MaxElapsed: 2 * time.Minute, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second}
}

// retries reports a status the policy sends again on.
func (p RetryPolicy) retries(status int) bool {
	return p.MaxAttempts > 1 && (status == 429 || status == 503 || status == 504)
}

// wait is how long to wait before the next send after attempt sends, with
// elapsed gone since the first; false when the policy gives up.
func (p RetryPolicy) wait(attempt int, retryAfter, elapsed time.Duration) (time.Duration, bool) {
	if attempt >= p.MaxAttempts {
		return 0, false
	}
	d := retryAfter
	if d <= 0 {
		bound := p.BaseDelay << min(attempt-1, 30)
		if p.MaxDelay > 0 && (bound > p.MaxDelay || bound <= 0) {
			bound = p.MaxDelay
		}
		if bound > 0 {
			d = rand.N(bound) + 1
		}
	}
	if p.MaxDelay > 0 && d > p.MaxDelay {
		return 0, false // the service asks for more than the policy waits
	}
	if p.MaxElapsed > 0 && elapsed+d > p.MaxElapsed {
		return 0, false
	}
	return d, true
}
