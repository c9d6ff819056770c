package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// uploadCall is one file the fake received through Slack's external
// upload flow: files.getUploadURLExternal, the upload to its URL, and
// files.completeUploadExternal.
type uploadCall struct {
	FileID, Filename, AltTxt string
	Length                   int // as announced to files.getUploadURLExternal
	Data                     []byte
	Title                    string // from files.completeUploadExternal
	Channel, ThreadTS        string
	InitialComment           string
}

// serveFiles adds the upload flow to the fake's mux.
func (f *fakeSlack) serveFiles(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/files.getUploadURLExternal", f.getUploadURL)
	mux.HandleFunc("POST /upload/{id}", f.upload)
	mux.HandleFunc("POST /api/files.completeUploadExternal", f.completeUpload)
}

// failUploads makes files.completeUploadExternal answer ok:false with
// code ("" to succeed again).
func (f *fakeSlack) failUploads(code string) {
	f.mu.Lock()
	f.uploadFail = code
	f.mu.Unlock()
}

func (f *fakeSlack) getUploadURL(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("files.getUploadURLExternal form: %v", err)
	}
	n, err := strconv.Atoi(r.FormValue("length"))
	switch {
	case r.FormValue("token") != "xoxb-test":
		fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
		return
	case r.FormValue("filename") == "" || err != nil || n <= 0:
		fmt.Fprint(w, `{"ok":false,"error":"invalid_arguments"}`)
		return
	case len(r.FormValue("alt_txt")) > 1000*4 || len([]rune(r.FormValue("alt_txt"))) > 1000:
		fmt.Fprint(w, `{"ok":false,"error":"alt_txt_too_long"}`)
		return
	}
	f.mu.Lock()
	f.seq++
	id := fmt.Sprintf("F%06d", f.seq)
	f.pending[id] = &uploadCall{FileID: id, Filename: r.FormValue("filename"), AltTxt: r.FormValue("alt_txt"), Length: n}
	f.mu.Unlock()
	fmt.Fprintf(w, `{"ok":true,"upload_url":%q,"file_id":%q}`, f.srv.URL+"/upload/"+id, id)
}

// upload takes the file's bytes as Slack's upload URL does: a multipart
// form with a "file" part, or the raw body.
func (f *fakeSlack) upload(w http.ResponseWriter, r *http.Request) {
	var data []byte
	if file, _, err := r.FormFile("file"); err == nil {
		data, _ = io.ReadAll(file)
	} else {
		data, _ = io.ReadAll(r.Body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.pending[r.PathValue("id")]
	if u == nil || u.Data != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if len(data) != u.Length {
		f.t.Errorf("upload of %s: %d bytes, announced %d", u.FileID, len(data), u.Length)
	}
	u.Data = data
	fmt.Fprintf(w, "OK - %d", len(data))
}

func (f *fakeSlack) completeUpload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("files.completeUploadExternal form: %v", err)
	}
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(r.FormValue("files")), &files); err != nil || len(files) != 1 {
		fmt.Fprint(w, `{"ok":false,"error":"invalid_arguments"}`)
		return
	}
	f.mu.Lock()
	u, fail := f.pending[files[0].ID], f.uploadFail
	switch {
	case r.FormValue("token") != "xoxb-test":
		fail = "invalid_auth"
	case u == nil || u.Data == nil:
		fail = "file_not_found"
	case r.FormValue("channel_id") == notInChannel:
		fail = "not_in_channel"
	}
	if fail != "" {
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":false,"error":%q}`, fail)
		return
	}
	delete(f.pending, u.FileID)
	u.Title, u.Channel, u.ThreadTS, u.InitialComment = files[0].Title, r.FormValue("channel_id"), r.FormValue("thread_ts"), r.FormValue("initial_comment")
	f.uploads = append(f.uploads, *u)
	f.mu.Unlock()
	f.uploadc <- *u
	fmt.Fprintf(w, `{"ok":true,"files":[{"id":%q,"title":%q}]}`, u.FileID, u.Title)
}

// nextUpload waits up to 5 s for the next completed upload.
func (f *fakeSlack) nextUpload(t *testing.T) uploadCall {
	t.Helper()
	select {
	case u := <-f.uploadc:
		return u
	case <-time.After(5 * time.Second):
		t.Fatal("no completed upload within 5 s")
	}
	return uploadCall{}
}

// uploadCount returns how many uploads completed so far.
func (f *fakeSlack) uploadCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.uploads)
}
