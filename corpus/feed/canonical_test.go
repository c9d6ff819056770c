package feed

import (
	"errors"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://example.org/a", "https://example.org/a"},
		{"HTTPS://Example.ORG/Path/Kept", "https://example.org/Path/Kept"},
		{"http://example.org:80/a", "http://example.org/a"},
		{"https://example.org:443/a", "https://example.org/a"},
		{"https://example.org:8443/a", "https://example.org:8443/a"},
		{"http://example.org:443/a", "http://example.org:443/a"},
		{"https://example.org/a#comments", "https://example.org/a"},
		{"https://example.org/a/", "https://example.org/a"},
		{"https://example.org/a//", "https://example.org/a"},
		{"https://example.org", "https://example.org/"},
		{"https://example.org/", "https://example.org/"},
		{"https://example.org./a", "https://example.org/a"},
		{"https://example.org/a?utm_source=rss&utm_medium=feed&id=7", "https://example.org/a?id=7"},
		{"https://example.org/a?UTM_Campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4", "https://example.org/a"},
		{"https://example.org/a?ref=tw&ref_src=twsrc&igshid=9&_ga=1.2&yclid=5&msclkid=6&pk_campaign=p", "https://example.org/a"},
		{"https://example.org/a?b=2&a=1&c=3", "https://example.org/a?a=1&b=2&c=3"},
		{"https://example.org/a?tag=z&tag=a", "https://example.org/a?tag=a&tag=z"},
		{"https://example.org/search?q=Bayraktar%20TB2&page=2", "https://example.org/search?page=2&q=Bayraktar%20TB2"},
		{"https://example.org/a?", "https://example.org/a"},
		{"https://example.org/a?&&x=1&", "https://example.org/a?x=1"},
		{"https://example.org/a%2Fb/", "https://example.org/a%2Fb"},
		{"https://user@example.org/a", "https://user@example.org/a"},
		{"http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"},
		{"  https://example.org/a  ", "https://example.org/a"},
		// http is not made https; www. is kept.
		{"http://www.example.org/a", "http://www.example.org/a"},
	}
	for _, tt := range tests {
		got, err := CanonicalURL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		// Canonical URLs are fixed points.
		if again, err := CanonicalURL(got); err != nil || again != got {
			t.Errorf("CanonicalURL(%q) = %q, %v; want it unchanged", got, again, err)
		}
	}
	for _, bad := range []string{"", "/relative/path", "example.org/a", "mailto:desk@example.org", "javascript:alert(1)", "ftp://example.org/a", "http:opaque", "https://:443/a", "http://%zz/"} {
		if got, err := CanonicalURL(bad); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", bad, got)
		}
	}
	if _, err := CanonicalURL("mailto:desk@example.org"); !errors.Is(err, ErrNotHTTP) {
		t.Errorf("mailto: error %v, want ErrNotHTTP", err)
	}
}

func TestURLKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"http://example.org/a", "https://example.org/a", true},
		{"https://EXAMPLE.org:443/a/?utm_source=x#top", "http://example.org/a", true},
		{"https://example.org/a?id=1", "https://example.org/a?id=2", false},
		{"https://www.example.org/a", "https://example.org/a", false},
	}
	for _, tt := range tests {
		ka, err1 := URLKey(tt.a)
		kb, err2 := URLKey(tt.b)
		if err1 != nil || err2 != nil || (ka == kb) != tt.same {
			t.Errorf("URLKey(%q) = %q, URLKey(%q) = %q (%v, %v); want same = %v", tt.a, ka, tt.b, kb, err1, err2, tt.same)
		}
	}
	if k, _ := URLKey("https://example.org/a?b=1"); k != "example.org/a?b=1" {
		t.Errorf("URLKey = %q, want example.org/a?b=1", k)
	}
}
