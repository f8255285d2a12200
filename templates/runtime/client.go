// The client: sending a request to the service and reading its response
// (NewClient, Do); the generated operation methods call it. Only a package
// generated with -client holds it.

package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// Client calls the service: one method per documented operation (the
// generated operation_methods.go), and Do for any other request.
// Authentication is the http.Client's: give NewClient one whose Transport
// adds the token. A Client is safe for concurrent use.
type Client struct {
	http    *http.Client
	baseURL string
	retry   RetryPolicy
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error
}

// ClientOption configures a Client.
type ClientOption func(*Client)

// WithBaseURL sets the service root every path is sent under
// ("https://graph.microsoft.com/v1.0"); the default is the root of the
// version the docs describe.
func WithBaseURL(root string) ClientOption {
	return func(c *Client) { c.baseURL = strings.TrimRight(root, "/") }
}

// WithRetryPolicy sets when and how often a request is sent again
// (DefaultRetryPolicy otherwise); RetryPolicy{} never retries.
func WithRetryPolicy(p RetryPolicy) ClientOption {
	return func(c *Client) { c.retry = p }
}

// NewClient returns a client that sends its requests with httpClient
// (http.DefaultClient when nil).
func NewClient(httpClient *http.Client, opts ...ClientOption) *Client {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	c := &Client{http: httpClient, baseURL: serviceRoot, retry: DefaultRetryPolicy(), now: time.Now, sleep: sleepContext}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Do sends one request and decodes its response into result. path is
// relative to the base URL ("/me/messages?$top=5") or an absolute URL (a
// nextLink). body is nil, a []byte or json.RawMessage sent as it is, an
// io.Reader (sent once: a request whose body cannot be read again is never
// retried), or a value sent as its JSON (Marshal). result is nil (the
// response is discarded), a *[]byte (the bytes as they came), or a
// pointer the JSON is decoded into (a generated struct, a type's
// interface, a Collection or a Value). A non-2xx response is a
// *ResponseError. A response whose values did not all fit their documented
// types fills result and returns a *DecodeError (see DecodeError).
func (c *Client) Do(ctx context.Context, method, path string, body, result any) error {
	return c.call(ctx, method, path, body, result, nil)
}

// call is Do with the request options of a generated method.
func (c *Client) call(ctx context.Context, method, path string, body, result any, opts []RequestOption) error {
	cfg := newRequestConfig(opts)
	return c.send(ctx, method, c.url(path, cfg), body, result, cfg)
}

// url is the request's URL: the base URL and path (or the absolute URL
// path is), with the query options.
func (c *Client) url(path string, cfg *requestConfig) string {
	u := path
	if !strings.HasPrefix(path, "https://") && !strings.HasPrefix(path, "http://") {
		u = c.baseURL + path
	}
	if q := cfg.query(); q != "" {
		if strings.Contains(u, "?") {
			u += "&" + q
		} else {
			u += "?" + q
		}
	}
	return u
}

// requestBody is what body sends: bytes that can be sent again, or a
// stream that cannot.
func requestBody(body any) (data []byte, stream io.Reader, err error) {
	switch b := body.(type) {
	case nil:
		return nil, nil, nil
	case []byte:
		return b, nil, nil
	case json.RawMessage:
		return b, nil, nil
	case io.Reader:
		return nil, b, nil
	}
	data, err = Marshal(body)
	return data, nil, err
}

// send sends the request, again as the retry policy says, and reads the
// response.
func (c *Client) send(ctx context.Context, method, url string, body, result any, cfg *requestConfig) error {
	data, stream, err := requestBody(body)
	if err != nil {
		return fmt.Errorf("%s %s: encoding the body: %w", method, url, err)
	}
	start := c.now()
	for attempt := 1; ; attempt++ {
		var rd io.Reader
		switch {
		case stream != nil:
			rd = stream
		case data != nil:
			rd = bytes.NewReader(data)
		}
		req, err := http.NewRequestWithContext(ctx, method, url, rd)
		if err != nil {
			return err
		}
		if rd != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Accept", "application/json")
		for k, vs := range cfg.header {
			req.Header[k] = append([]string(nil), vs...)
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("%s %s: reading the response: %w", method, url, err)
		}
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return decodeResult(raw, result)
		}
		rerr := newResponseError(method, url, resp, raw, c.now())
		if stream != nil || !c.retry.retries(resp.StatusCode) {
			return rerr // a stream cannot be sent again
		}
		wait, ok := c.retry.wait(attempt, rerr.RetryAfter, c.now().Sub(start))
		if !ok {
			return rerr
		}
		if err := c.sleep(ctx, wait); err != nil {
			return errors.Join(err, rerr)
		}
	}
}

// update sends what PatchBody(&T{}, body) gives for body, a *T: its set
// fields and its explicit nulls, and its @odata.type where that is not T's
// own (a derived type's value, or one decoded with another type).
func (c *Client) update(ctx context.Context, method, path string, body any, result any, opts []RequestOption) error {
	av := reflect.ValueOf(body)
	if av.Kind() != reflect.Pointer || av.IsNil() {
		return fmt.Errorf("%s %s: the body is a %T, not a non-nil pointer to a struct", method, path, body)
	}
	zero := reflect.New(av.Elem().Type())
	data, err := patchBody(zero.Elem(), av.Elem())
	if err != nil {
		return err
	}
	// A value of a derived type, or decoded with another @odata.type,
	// says so: the service needs it to know the properties.
	type typed interface{ ODataType() string }
	if v, ok := body.(typed); ok {
		if own, ok := zero.Interface().(typed); ok && v.ODataType() != own.ODataType() {
			head := appendString([]byte(`{"@odata.type":`), v.ODataType())
			if len(data) > 2 {
				head = append(head, ',')
			}
			data = append(head, data[1:]...)
		}
	}
	return c.call(ctx, method, path, json.RawMessage(data), result, opts)
}

// decodeResult decodes a successful response into result; an empty body
// (204 No Content) leaves result as it is. result may be a **T (a
// method's *T result): *T is set only when there is a body.
func decodeResult(raw []byte, result any) error {
	switch r := result.(type) {
	case nil:
		return nil
	case *[]byte:
		*r = raw
		return nil
	case *json.RawMessage:
		*r = raw
		return nil
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil // 204 No Content, or a 200 without a body: nothing to decode; a *T result stays nil
	}
	if rv := reflect.ValueOf(result); rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Pointer {
		// A **T (a method's *T result): allocated only when there is a body.
		p := reflect.New(rv.Elem().Type().Elem())
		err := decodeResult(raw, p.Interface())
		rv.Elem().Set(p)
		return err
	}
	if u, ok := result.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(raw)
	}
	rv := reflect.ValueOf(result)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("decoding the response: result is a %T, not a non-nil pointer", result)
	}
	v := rv.Elem()
	cod := codecFor(v.Type())
	return document(raw, v.Type(), func(d *decoder) error {
		_, err := d.value(cod, v)
		return err
	})
}

// failed reports an error other than a *DecodeError: a response that
// decoded with values kept as they came is still a result. Not inlined:
// its errors.As target would move to the heap in each of the ~1,000
// generated methods that call it, a larger body to compile in each and an
// allocation per call (BENCHMARKS.md, issue 32).
//
//go:noinline
func failed(err error) bool {
	var de *DecodeError
	return err != nil && !errors.As(err, &de)
}

// sleepContext waits d, or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
