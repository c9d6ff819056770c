package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// schemaVersion changes whenever documents are laid out differently; an index
// of another version must be rebuilt.
const schemaVersion = "1"

// textAnalyzer analyses passage text and question words alike.
const textAnalyzer = en.AnalyzerName

const (
	typePassage = "passage"
	typeReport  = "report"
)

// Field names, shared by the mapping, indexing and search.
const (
	fType      = "type"
	fReportID  = "report_id"
	fText      = "text"
	fTitle     = "title"
	fSource    = "source"
	fURL       = "url"
	fPublished = "published"
	fSeq       = "seq"
	fStart     = "start"
	fEnd       = "end"
	fHash      = "hash"
	fPassages  = "passages"
	fOrigin    = "origin"
)

func newMapping() *mapping.IndexMappingImpl {
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	storedNumber := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Index = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	date.DocValues = false

	text := bleve.NewTextFieldMapping()
	text.Analyzer = textAnalyzer
	text.IncludeInAll = false
	text.IncludeTermVectors = true // highlighting
	text.DocValues = false

	passage := bleve.NewDocumentStaticMapping()
	passage.AddFieldMappingsAt(fType, keywordField())
	passage.AddFieldMappingsAt(fReportID, keywordField())
	passage.AddFieldMappingsAt(fText, text)
	passage.AddFieldMappingsAt(fTitle, storedOnly())
	passage.AddFieldMappingsAt(fSource, storedOnly())
	passage.AddFieldMappingsAt(fURL, storedOnly())
	passage.AddFieldMappingsAt(fPublished, date)
	passage.AddFieldMappingsAt(fSeq, storedNumber())
	passage.AddFieldMappingsAt(fStart, storedNumber())
	passage.AddFieldMappingsAt(fEnd, storedNumber())

	report := bleve.NewDocumentStaticMapping()
	report.AddFieldMappingsAt(fType, keywordField())
	report.AddFieldMappingsAt(fReportID, keywordField())
	report.AddFieldMappingsAt(fTitle, storedOnly())
	report.AddFieldMappingsAt(fSource, storedOnly())
	report.AddFieldMappingsAt(fURL, storedOnly())
	report.AddFieldMappingsAt(fPublished, date)
	report.AddFieldMappingsAt(fHash, storedOnly())
	report.AddFieldMappingsAt(fPassages, storedNumber())
	report.AddFieldMappingsAt(fOrigin, storedOnly())

	m := bleve.NewIndexMapping()
	m.TypeField = fType
	m.DefaultAnalyzer = en.AnalyzerName
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(typePassage, passage)
	m.AddDocumentMapping(typeReport, report)
	m.ScoringModel = bindex.BM25Scoring
	return m
}
