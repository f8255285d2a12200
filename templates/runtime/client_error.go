// The client's error for a response that is not a success: its status and
// the OData error the service sent.

package runtime

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ResponseError is a non-2xx response: its status, the OData error in its
// body ({"error": {"code": ..., "message": ..., "innerError": {...}}}) and
// its Retry-After. errors.As reaches it through the errors the client
// wraps it in.
type ResponseError struct {
	Method     string // the request's
	URL        string
	StatusCode int    // 404
	Status     string // "404 Not Found"
	Code       string // the OData error's code (Request_ResourceNotFound); "" when the body is no OData error
	Message    string
	Target     string
	Details    []ResponseErrorDetail
	// RequestID, ClientRequestID and Date are the error's innerError's
	// (request-id, client-request-id, date), else the response headers'.
	RequestID       string
	ClientRequestID string
	Date            string
	// InnerError is the innerError as it came, nested errors and all.
	InnerError json.RawMessage
	// RetryAfter is the wait the Retry-After header asks for (in seconds or
	// as an HTTP date); 0 when there is none.
	RetryAfter time.Duration
	// Body is the response body as it came.
	Body []byte
}

// ResponseErrorDetail is one of an OData error's details.
type ResponseErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// odataError is the body of an error response.
type odataError struct {
	Error *struct {
		Code       string                `json:"code"`
		Message    string                `json:"message"`
		Target     string                `json:"target"`
		Details    []ResponseErrorDetail `json:"details"`
		InnerError json.RawMessage       `json:"innerError"`
	} `json:"error"`
}

// newResponseError reads an error response.
func newResponseError(method, url string, resp *http.Response, body []byte, now time.Time) *ResponseError {
	e := &ResponseError{Method: method, URL: url, StatusCode: resp.StatusCode, Status: resp.Status, Body: body}
	e.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), now)
	e.RequestID = resp.Header.Get("request-id")
	e.ClientRequestID = resp.Header.Get("client-request-id")
	e.Date = resp.Header.Get("Date")
	var oe odataError
	if json.Unmarshal(body, &oe) != nil || oe.Error == nil {
		return e
	}
	e.Code, e.Message, e.Target, e.Details = oe.Error.Code, oe.Error.Message, oe.Error.Target, oe.Error.Details
	e.InnerError = oe.Error.InnerError
	var inner struct {
		RequestID       string `json:"request-id"`
		ClientRequestID string `json:"client-request-id"`
		Date            string `json:"date"`
	}
	if json.Unmarshal(oe.Error.InnerError, &inner) == nil {
		if inner.RequestID != "" {
			e.RequestID = inner.RequestID
		}
		if inner.ClientRequestID != "" {
			e.ClientRequestID = inner.ClientRequestID
		}
		if inner.Date != "" {
			e.Date = inner.Date
		}
	}
	return e
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// Error says it all in one line: GET https://…/users/x: 404 Not Found:
// Request_ResourceNotFound: Resource 'x' does not exist (target id;
// details: …; request-id …, date …; retry after 5s).
func (e *ResponseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s", e.Method, e.URL, e.Status)
	switch {
	case e.Code != "" || e.Message != "":
		fmt.Fprintf(&b, ": %s: %s", e.Code, oneLine(e.Message))
	case len(e.Body) > 0:
		body := oneLine(string(e.Body))
		if len(body) > 200 {
			body = body[:200] + "..."
		}
		fmt.Fprintf(&b, ": body is no OData error: %s", body)
	}
	var more []string
	if e.Target != "" {
		more = append(more, "target "+oneLine(e.Target))
	}
	for _, d := range e.Details {
		s := "detail " + oneLine(d.Code) + ": " + oneLine(d.Message)
		if d.Target != "" {
			s += " (target " + oneLine(d.Target) + ")"
		}
		more = append(more, s)
	}
	if e.RequestID != "" {
		more = append(more, "request-id "+oneLine(e.RequestID))
	}
	if e.ClientRequestID != "" {
		more = append(more, "client-request-id "+oneLine(e.ClientRequestID))
	}
	if e.Date != "" {
		more = append(more, "date "+oneLine(e.Date))
	}
	if e.RetryAfter > 0 {
		more = append(more, "retry after "+e.RetryAfter.String())
	}
	if len(more) > 0 {
		b.WriteString(" (" + strings.Join(more, "; ") + ")")
	}
	return b.String()
}

// oneLine joins a text's lines.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
