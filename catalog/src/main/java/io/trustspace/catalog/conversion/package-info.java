/**
 * Metadata conversion (语义转换 / 元数据智能识别): dataset descriptions in and out of the catalog.
 *
 * <p>Imports: {@link io.trustspace.catalog.conversion.CsvSchemaInference} (a field schema inferred from a CSV sample),
 * {@link io.trustspace.catalog.conversion.JsonSchemaImport} (a field schema from a draft 2020-12 object schema),
 * {@link io.trustspace.catalog.conversion.CkanImport} and {@link io.trustspace.catalog.conversion.DcatApImport}
 * (whole descriptions). Exports: {@link io.trustspace.catalog.conversion.DcatExport} (DCAT 3 JSON-LD, read back
 * unchanged by {@code DcatApImport}) and {@link io.trustspace.catalog.conversion.CsvExport} (the field schema as CSV).
 * Imports exchange {@link io.trustspace.catalog.conversion.DescribedDataset}, built from the resource package's
 * {@code LocalizedText}, {@code FieldType} and {@code Distribution} plus what only imports carry (access URLs,
 * publisher, licence, field titles and examples); {@code DescribedDataset.toMetadata()} maps it to a draft's
 * {@link io.trustspace.catalog.resource.ResourceMetadata}, and {@code DcatExport.toJsonLd(kind, metadata, identifier)}
 * renders resource metadata as DCAT. {@link io.trustspace.catalog.conversion.CatalogVocabulary} names the RDF terms
 * export and the SHACL shapes share. Everything here is stateless, bounded in its input, free of I/O beyond the stream it is
 * given, and reports malformed input as an {@code INVALID} {@link io.trustspace.common.Result} with a precise reason.
 */
package io.trustspace.catalog.conversion;
