package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testClient is a client of srv that records its waits instead of
// sleeping them.
func testClient(t *testing.T, srv *httptest.Server, policy RetryPolicy) (*Client, *[]time.Duration) {
	t.Helper()
	var waits []time.Duration
	c := NewClient(srv.Client(), WithBaseURL(srv.URL+"/v1.0/"), WithRetryPolicy(policy))
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	return c, &waits
}

func TestClientSendsAndDecodes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/v1.0/items/a%2Fb", r.URL.EscapedPath())
		assert.Equal(t, "name,id", r.URL.Query().Get("$select"))
		assert.Equal(t, "eventual", r.Header.Get("ConsistencyLevel"))
		body, _ := io.ReadAll(r.Body)
		assert.JSONEq(t, `{"name":"n"}`, string(body))
		fmt.Fprint(w, `{"@odata.type":"#test.special","id":"1","name":"n"}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, DefaultRetryPolicy())
	var out AnyItem
	err := c.call(context.Background(), "POST", "/items/"+pathKey("a/b"), &Item{Name: Ptr("n")}, &out, []RequestOption{WithSelect("name", "id"), WithConsistencyLevel("eventual")})
	require.NoError(t, err)
	require.IsType(t, &Special{}, out, "decoded into the type @odata.type names")
	assert.Equal(t, "1", *out.AsItem().ID)
}

func TestClientUpdateSendsSetFieldsAndNulls(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		assert.Equal(t, "PATCH", r.Method)
		assert.JSONEq(t, `{"name":"x","size":null}`, string(body))
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, DefaultRetryPolicy())
	v := Item{Name: Ptr("x")}
	require.NoError(t, SetNull(&v, &v.Size))
	require.NoError(t, c.update(context.Background(), "PATCH", "/items/1", &v, nil, nil))
}

func TestClient429HonoursRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		assert.Equal(t, `{"name":"n"}`, string(body), "the body is sent again whole")
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, `{"id":"1"}`)
	}))
	defer srv.Close()
	c, waits := testClient(t, srv, DefaultRetryPolicy())
	var out Item
	require.NoError(t, c.Do(context.Background(), "POST", "/items", &Item{Name: Ptr("n")}, &out))
	assert.Equal(t, []time.Duration{7 * time.Second}, *waits)
	assert.EqualValues(t, 2, n.Load())
}

func TestClientRetryAfterHTTPDate(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	assert.Equal(t, 30*time.Second, retryAfter(now.Add(30*time.Second).Format(http.TimeFormat), now))
	assert.Equal(t, time.Duration(0), retryAfter("soon", now))
}

func TestClient503ThenSuccessBacksOff(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `{"id":"1"}`)
	}))
	defer srv.Close()
	p := RetryPolicy{MaxAttempts: 3, BaseDelay: time.Second, MaxDelay: 10 * time.Second}
	c, waits := testClient(t, srv, p)
	var out Item
	require.NoError(t, c.Do(context.Background(), "GET", "/items/1", nil, &out))
	require.Len(t, *waits, 1)
	assert.True(t, (*waits)[0] > 0 && (*waits)[0] <= time.Second, "full jitter within the first bound: %v", (*waits)[0])
	assert.Equal(t, "1", *out.ID)
}

func TestClientRetriesAreBounded(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusGatewayTimeout)
	}))
	defer srv.Close()
	c, waits := testClient(t, srv, RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond})
	err := c.Do(context.Background(), "GET", "/items", nil, nil)
	var re *ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 504, re.StatusCode)
	assert.EqualValues(t, 3, n.Load())
	assert.Len(t, *waits, 2)
	// A Retry-After past the total time is not waited for.
	_, ok := RetryPolicy{MaxAttempts: 5, MaxElapsed: time.Minute}.wait(1, 2*time.Minute, 0)
	assert.False(t, ok)
}

func TestClientNeverRetriesAStream(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c, waits := testClient(t, srv, DefaultRetryPolicy())
	stream := io.MultiReader(strings.NewReader(`{"a":1}`)) // no GetBody: cannot be read again
	err := c.Do(context.Background(), "POST", "/upload", stream, nil)
	var re *ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 429, re.StatusCode)
	assert.Equal(t, time.Second, re.RetryAfter)
	assert.EqualValues(t, 1, n.Load(), "sent once")
	assert.Empty(t, *waits)
}

func TestClientCancelledContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	// Cancelled while waiting to retry: the real sleep sees it.
	c := NewClient(srv.Client(), WithBaseURL(srv.URL), WithRetryPolicy(RetryPolicy{MaxAttempts: 5, BaseDelay: time.Hour}))
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	start := time.Now()
	err := c.Do(ctx, "GET", "/items", nil, nil)
	assert.ErrorIs(t, err, context.Canceled)
	var re *ResponseError
	assert.ErrorAs(t, err, &re, "the response that was being retried is in the error too")
	assert.Less(t, time.Since(start), 10*time.Second)
	// Cancelled before sending: no request.
	err = c.Do(ctx, "GET", "/items", nil, nil)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestClientErrorBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/malformed" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error": {"code": "x", `) // cut short
			return
		}
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x'\ndoes not exist.","target":"id",
			"details":[{"code":"d1","message":"m1","target":"t1"}],
			"innerError":{"request-id":"rid-1","date":"2020-05-01T10:00:00","client-request-id":"cid"}}}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, RetryPolicy{})
	err := c.Do(context.Background(), "GET", srv.URL+"/users/x", nil, nil)
	var re *ResponseError
	require.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &re))
	assert.Equal(t, "Request_ResourceNotFound", re.Code)
	assert.Equal(t, "id", re.Target)
	assert.Equal(t, []ResponseErrorDetail{{"d1", "m1", "t1"}}, re.Details)
	assert.Equal(t, "rid-1", re.RequestID)
	assert.Equal(t, "cid", re.ClientRequestID)
	assert.Equal(t, "2020-05-01T10:00:00", re.Date)
	assert.Equal(t, 3*time.Second, re.RetryAfter)
	msg := re.Error()
	assert.NotContains(t, msg, "\n", "one line")
	for _, want := range []string{"GET " + srv.URL + "/users/x", "404 Not Found", "Request_ResourceNotFound: Resource 'x' does not exist.",
		"target id", "detail d1: m1 (target t1)", "request-id rid-1", "date 2020-05-01T10:00:00", "retry after 3s"} {
		assert.Contains(t, msg, want)
	}

	err = c.Do(context.Background(), "GET", srv.URL+"/malformed", nil, nil)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 400, re.StatusCode)
	assert.Empty(t, re.Code)
	assert.Equal(t, `{"error": {"code": "x", `, string(re.Body))
	assert.Contains(t, re.Error(), `400 Bad Request: body is no OData error: {"error": {"code": "x",`)
}

func TestClientPaging(t *testing.T) {
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			assert.Equal(t, "2", r.URL.Query().Get("$top"))
			fmt.Fprintf(w, `{"value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":%q}`, srvURL+"/v1.0/items?page=2")
		case "2":
			fmt.Fprint(w, `{"value":[{"id":"3"}],"@odata.deltaLink":"delta-token"}`)
		}
	}))
	defer srv.Close()
	srvURL = srv.URL
	c, _ := testClient(t, srv, RetryPolicy{})
	var ids []string
	var delta string
	for v, err := range pages[Item](c, context.Background(), "/items", []RequestOption{WithTop(2), WithDeltaLinkOut(&delta)}) {
		require.NoError(t, err)
		ids = append(ids, *v.ID)
	}
	assert.Equal(t, []string{"1", "2", "3"}, ids)
	assert.Equal(t, "delta-token", delta)

	// One page at a time.
	var page Collection[Item]
	require.NoError(t, c.page(context.Background(), "/items", &page, []RequestOption{WithTop(2)}))
	require.NotNil(t, page.NextLink)
	require.NoError(t, c.page(context.Background(), "/items", &page, []RequestOption{WithNextLink(*page.NextLink)}))
	assert.Len(t, page.Value, 1)

	// Breaking out stops the pages.
	n := 0
	for range pages[Item](c, context.Background(), "/items", []RequestOption{WithTop(2)}) {
		n++
		break
	}
	assert.Equal(t, 1, n)
}

func TestClientNextLinkLoop(t *testing.T) {
	var srvURL string
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		next := "/v1.0/items?page=2" // page 2 links to itself
		fmt.Fprintf(w, `{"value":[{"id":%q}],"@odata.nextLink":%q}`, r.URL.RawQuery, srvURL+next)
	}))
	defer srv.Close()
	srvURL = srv.URL
	c, _ := testClient(t, srv, RetryPolicy{})
	var last error
	items := 0
	for _, err := range pages[Item](c, context.Background(), "/items", nil) {
		if err != nil {
			last = err
			continue
		}
		items++
	}
	require.ErrorIs(t, last, ErrPagingLoop)
	assert.Equal(t, 2, items)
	assert.EqualValues(t, 2, n.Load(), "the repeated page is not read again")

	// WithMaxPages bounds a list whose links never repeat.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"value":[],"@odata.nextLink":"%s/x?n=%d"}`, srvURL, n.Add(1))
	}))
	defer srv2.Close()
	srvURL = srv2.URL
	c2, _ := testClient(t, srv2, RetryPolicy{})
	last = nil
	for _, err := range pages[Item](c2, context.Background(), "/items", []RequestOption{WithMaxPages(3)}) {
		last = err
	}
	require.ErrorIs(t, last, ErrPagingLoop)
}

func TestClientKeepsAMismatchedPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"value":[{"id":"1","size":"many"},{"id":"2"}]}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, RetryPolicy{})
	var ids []string
	var errs []error
	for v, err := range pages[Item](c, context.Background(), "/items", nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, *v.ID)
	}
	assert.Equal(t, []string{"1", "2"}, ids)
	require.Len(t, errs, 1)
	var de *DecodeError
	assert.ErrorAs(t, errs[0], &de)
	assert.False(t, failed(errs[0]))
}

func TestFuncArg(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{"it's", "'it''s'"},
		{true, "true"},
		{int32(5), "5"},
		{Ptr(2.5), "2.5"},
		{time.Date(2020, 5, 1, 10, 0, 0, 0, time.UTC), "2020-05-01T10:00:00Z"},
		{Date{Year: 2020, Month: 5, Day: 1}, "2020-05-01"},
		{(*string)(nil), "null"},
		{[]string{"a"}, "%5B%22a%22%5D"},
	} {
		assert.Equal(t, c.want, funcArg(c.v), "%#v", c.v)
	}
	raw, _ := json.Marshal("x")
	assert.Equal(t, `"x"`, string(raw))
}

func TestQueryEscape(t *testing.T) {
	assert.Equal(t, "startswith(displayName,'a%20b')", queryEscape("startswith(displayName,'a b')"))
	assert.Equal(t, "%22a%26b%22%2B1%23", queryEscape(`"a&b"+1#`))
	assert.Equal(t, "%C3%A9", queryEscape("é"))
}

// pages is what a generated list method does.
func pages[T any](c *Client, ctx context.Context, path string, opts []RequestOption) iter.Seq2[T, error] {
	var seq iter.Seq2[T, error]
	c.list(&seq, ctx, path, opts)
	return seq
}

func TestClientListOfAnInterface(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"value":[{"@odata.type":"#test.special","id":"1"},{"id":"2"},null]}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, RetryPolicy{})
	var got []string
	for v, err := range pages[AnyItem](c, context.Background(), "/items", nil) {
		require.NoError(t, err)
		if v == nil {
			got = append(got, "nil")
			continue
		}
		got = append(got, fmt.Sprintf("%T %s", v, *v.AsItem().ID))
	}
	assert.Equal(t, []string{"*runtime.Special 1", "*runtime.Item 2", "nil"}, got, "each item the type its @odata.type names")
}

func TestClientUpdateSendsADerivedType(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got = append(got, string(body))
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv, RetryPolicy{})
	var v Item
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.type":"#test.special","name":"n"}`), &v))
	require.NoError(t, c.update(context.Background(), "PATCH", "/items/1", &v, nil, nil))
	require.NoError(t, c.update(context.Background(), "PATCH", "/items/1", &Item{Name: Ptr("m")}, nil, nil))
	require.NoError(t, c.update(context.Background(), "PATCH", "/items/1", &Special{}, nil, nil))
	assert.Equal(t, []string{`{"@odata.type":"#test.special","name":"n"}`, `{"name":"m"}`, `{}`}, got)
}

func TestPathStringKeepsTheValueInsideItsQuotes(t *testing.T) {
	// range(address='{x}'): a quote in the value is doubled, a slash escaped,
	// so no value ends the OData string or the segment early.
	if got, want := "range(address='"+pathString("it's/A1")+"')", "range(address='it''s%2FA1')"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
