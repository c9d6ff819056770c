package feed

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that only say where a click came
// from (compared case-insensitively); CanonicalURL drops them, and every
// parameter starting with one of trackingPrefixes.
//
//   - Google and other ads: gclid, gclsrc, dclid, gbraid, wbraid, _ga, _gl
//   - Facebook, Instagram, Microsoft, Yandex, Twitter, TikTok, LinkedIn:
//     fbclid, igshid, igsh, msclkid, yclid, twclid, ttclid, li_fat_id
//   - mail and marketing tools: mc_cid, mc_eid (Mailchimp), _hsenc, _hsmi,
//     __hstc, __hssc, __hsfp, hsctatracking (HubSpot), mkt_tok (Marketo),
//     oly_anon_id, oly_enc_id (Omeda), rb_clickid, s_cid, vero_conv,
//     vero_id, wickedid, sr_share
//   - referrers and campaign ids: ref, ref_src, ref_url, cmpid, ncid, ocid,
//     smid, spm, guccounter
//   - prefixes: utm_ (Urchin/Google Analytics), pk_ (Piwik), mtm_
//     (Matomo), hsa_ (HubSpot ads), guce_ (Yahoo consent)
var trackingParams = map[string]bool{
	"gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true, "_ga": true, "_gl": true,
	"fbclid": true, "igshid": true, "igsh": true, "msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true, "__hstc": true, "__hssc": true, "__hsfp": true, "hsctatracking": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "rb_clickid": true, "s_cid": true, "vero_conv": true, "vero_id": true,
	"wickedid": true, "sr_share": true,
	"ref": true, "ref_src": true, "ref_url": true, "cmpid": true, "ncid": true, "ocid": true, "smid": true, "spm": true, "guccounter": true,
}

var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "hsa_", "guce_"}

// CanonicalURL returns one spelling of an http or https URL, so that the
// same article reached by different links is recognised:
//
//   - scheme and host in lower case, a trailing dot of the host dropped;
//   - default ports dropped (http :80, https :443);
//   - the fragment dropped;
//   - tracking parameters dropped (see trackingParams), the others sorted
//     by name, then by their text, their encoding left as it was;
//   - an empty path becomes "/", a trailing slash of any other path is
//     dropped.
//
// The scheme is kept: http is not turned into https, as not every site
// serves both. URLKey gives a form without the scheme, for telling
// whether two URLs are the same article. Nor is "www." dropped: it may be
// another site. A URL that is not absolute http or https is an error
// wrapping ErrNotHTTP.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical URL: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("canonical URL %q: %w", raw, ErrNotHTTP)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("canonical URL %q: %w", raw, ErrNotHTTP)
	}
	if strings.Contains(host, ":") { // IPv6
		host = "[" + host + "]"
	}
	switch port := u.Port(); {
	case port == "", u.Scheme == "http" && port == "80", u.Scheme == "https" && port == "443":
	default:
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	switch {
	case u.Path == "" || strings.Trim(u.Path, "/") == "":
		u.Path, u.RawPath = "/", ""
	default:
		u.Path = strings.TrimRight(u.Path, "/")
		u.RawPath = strings.TrimRight(u.RawPath, "/")
	}
	return u.String(), nil
}

// URLKey is CanonicalURL without the scheme ("example.org/a?b=1"): the
// same for the http and the https address of an article. Feed items are
// recognised, and report IDs derived, by it.
func URLKey(raw string) (string, error) {
	c, err := CanonicalURL(raw)
	if err != nil {
		return "", err
	}
	_, rest, _ := strings.Cut(c, "://")
	return rest, nil
}

// cleanQuery drops tracking parameters from a raw query and sorts the
// rest, keeping each parameter's text as it was.
func cleanQuery(raw string) string {
	type param struct{ key, text string }
	var kept []param
	for _, p := range strings.Split(raw, "&") {
		if p == "" {
			continue
		}
		k, _, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if tracking(strings.ToLower(k)) {
			continue
		}
		kept = append(kept, param{k, p})
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].key != kept[j].key {
			return kept[i].key < kept[j].key
		}
		return kept[i].text < kept[j].text
	})
	out := make([]string, len(kept))
	for i, p := range kept {
		out[i] = p.text
	}
	return strings.Join(out, "&")
}

func tracking(key string) bool {
	if trackingParams[key] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}
