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
const schemaVersion = "9"

// textAnalyzer analyses passage text and question words alike.
const textAnalyzer = en.AnalyzerName

const (
	typePassage  = "passage"
	typeReport   = "report"
	typeRelation = "relation"
	// typeMerged is a report merged into another as one more source of the
	// same story: no passages or relations of its own, only what is needed
	// to cite it and to recognise it when it is ingested again.
	typeMerged = "merged"
)

// Field names, shared by the mapping, indexing and search.
const (
	fType       = "type"
	fReportID   = "report_id"
	fText       = "text"
	fTitle      = "title"
	fSource     = "source"
	fURL        = "url"
	fPublished  = "published"
	fSeq        = "seq"
	fStart      = "start"
	fEnd        = "end"
	fHash       = "hash"
	fPassages   = "passages"
	fOrigin     = "origin"
	fIngested   = "ingested" // when a report was last written, for "what changed since"
	fSummary    = "summary"  // a report's first sentence, for digests
	fRelations  = "relations"
	fSig        = "sig"         // a report's MinHash signature (corpus/dedupe), stored
	fBand       = "band"        // its LSH band keys, to find near-duplicates by term
	fMergedInto = "merged_into" // the story a merged report belongs to

	// relation fields
	fSupplier  = "supplier"
	fRecipient = "recipient"
	fSystemKey = "system_key" // folded designation, for filtering
	fCategory  = "category"
	fStatus    = "status"
	fKind      = "kind"
	fYears     = "years"
	fSourceTyp = "source_type"
	fData      = "data" // a relation's stored JSON (relationData)
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
	report.AddFieldMappingsAt(fSummary, storedOnly())
	ingested := bleve.NewDateTimeFieldMapping()
	ingested.IncludeInAll = false
	ingested.DocValues = true // sorted on
	report.AddFieldMappingsAt(fIngested, ingested)
	report.AddFieldMappingsAt(fRelations, storedNumber())
	report.AddFieldMappingsAt(fSig, storedOnly())
	band := keywordField()
	band.Store = false
	report.AddFieldMappingsAt(fBand, band)

	merged := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fType, fReportID, fMergedInto, fSourceTyp} {
		merged.AddFieldMappingsAt(f, keywordField())
	}
	for _, f := range []string{fTitle, fSource, fURL, fHash, fOrigin} {
		merged.AddFieldMappingsAt(f, storedOnly())
	}
	merged.AddFieldMappingsAt(fPublished, date)
	merged.AddFieldMappingsAt(fPassages, storedNumber())
	merged.AddFieldMappingsAt(fRelations, storedNumber())
	merged.AddFieldMappingsAt(fIngested, ingested)

	// A relation is small: keyword fields to filter and facet on (years
	// too, as words: numeric fields index many terms per value), and
	// everything needed to cite it in one stored JSON field.
	relation := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fType, fReportID, fSystemKey, fCategory, fStatus, fKind, fSourceTyp, fYears} {
		relation.AddFieldMappingsAt(f, keywordField())
	}
	for _, f := range []string{fSupplier, fRecipient} {
		k := keywordField()
		k.DocValues = true // faceted on: counts per counterparty
		relation.AddFieldMappingsAt(f, k)
	}
	relation.AddFieldMappingsAt(fData, storedOnly())
	// The report's publication date, so that a year filter keeps an undated
	// relation of a report published in the window (schema 9).
	relation.AddFieldMappingsAt(fPublished, date)

	m := bleve.NewIndexMapping()
	m.TypeField = fType
	m.DefaultAnalyzer = en.AnalyzerName
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(typePassage, passage)
	m.AddDocumentMapping(typeReport, report)
	m.AddDocumentMapping(typeMerged, merged)
	m.AddDocumentMapping(typeRelation, relation)
	m.ScoringModel = bindex.BM25Scoring
	return m
}
