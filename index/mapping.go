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
const schemaVersion = "5"

// textAnalyzer analyses passage text and question words alike.
const textAnalyzer = en.AnalyzerName

const (
	typePassage  = "passage"
	typeReport   = "report"
	typeRelation = "relation"
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
	fRelations = "relations"

	// relation fields
	fSupplier  = "supplier"
	fRecipient = "recipient"
	fGroup     = "group"
	fSystem    = "system"
	fSystemKey = "system_key" // folded designation, for filtering
	fCategory  = "category"
	fStatus    = "status"
	fKind      = "kind"
	fYears     = "years"
	fDenied    = "denied"
	fInferred  = "inferred"
	fSentence  = "sentence"
	fSourceTyp = "source_type"
	fCiteTitle = "cite_title" // a relation's own citation title, when it has one
	fTIV       = "tiv"
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
	// No term vectors: highlights are found by analysing the few passages
	// shown (see highlight), which is cheaper than storing vectors for all.
	text.IncludeTermVectors = false
	text.DocValues = false

	passage := bleve.NewDocumentStaticMapping()
	passage.AddFieldMappingsAt(fType, keywordField())
	passage.AddFieldMappingsAt(fReportID, keywordField())
	passage.AddFieldMappingsAt(fSourceTyp, keywordField())
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
	report.AddFieldMappingsAt(fSourceTyp, keywordField())
	report.AddFieldMappingsAt(fTitle, storedOnly())
	report.AddFieldMappingsAt(fSource, storedOnly())
	report.AddFieldMappingsAt(fURL, storedOnly())
	report.AddFieldMappingsAt(fPublished, date)
	report.AddFieldMappingsAt(fHash, storedOnly())
	report.AddFieldMappingsAt(fPassages, storedNumber())
	report.AddFieldMappingsAt(fOrigin, storedOnly())
	report.AddFieldMappingsAt(fRelations, storedNumber())

	// A relation is small: keyword fields to filter and facet on, the
	// evidence sentence and its report's metadata stored for citing.
	relation := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fType, fReportID, fSystemKey, fCategory, fStatus, fKind, fSourceTyp} {
		relation.AddFieldMappingsAt(f, keywordField())
	}
	for _, f := range []string{fSupplier, fRecipient} {
		k := keywordField()
		k.DocValues = true // faceted on: counts per counterparty
		relation.AddFieldMappingsAt(f, k)
	}
	for _, f := range []string{fGroup, fSystem, fSentence, fTitle, fSource, fURL, fDenied, fInferred, fCiteTitle} {
		relation.AddFieldMappingsAt(f, storedOnly())
	}
	years := bleve.NewNumericFieldMapping()
	years.IncludeInAll = false
	years.DocValues = false
	relation.AddFieldMappingsAt(fYears, years)
	relDate := bleve.NewDateTimeFieldMapping()
	relDate.IncludeInAll = false
	relDate.DocValues = false
	relation.AddFieldMappingsAt(fPublished, relDate)
	relation.AddFieldMappingsAt(fStart, storedNumber())
	relation.AddFieldMappingsAt(fTIV, storedNumber())
	relation.AddFieldMappingsAt(fEnd, storedNumber())

	m := bleve.NewIndexMapping()
	m.TypeField = fType
	m.DefaultAnalyzer = en.AnalyzerName
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(typePassage, passage)
	m.AddDocumentMapping(typeReport, report)
	m.AddDocumentMapping(typeRelation, relation)
	m.ScoringModel = bindex.BM25Scoring
	return m
}
