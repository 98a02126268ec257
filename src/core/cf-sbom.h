/* cf-sbom.h — a software bill of materials, read from CycloneDX or SPDX
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The formats Conformity reads, recognised from the content, never from the
 * file's name. The ids are stored in the database and printed by the CLI:
 * never change one. */
typedef enum
{
  CF_SBOM_FORMAT_CYCLONEDX_JSON,  /* "cyclonedx-json", CycloneDX 1.2–1.6 */
  CF_SBOM_FORMAT_CYCLONEDX_XML,   /* "cyclonedx-xml",  CycloneDX 1.2–1.6 */
  CF_SBOM_FORMAT_SPDX_JSON,       /* "spdx-json",      SPDX 2.2 and 2.3 */
  CF_SBOM_FORMAT_SPDX3_JSONLD,    /* "spdx3-jsonld",   SPDX 3.0 */
} CfSbomFormat;

const char *cf_sbom_format_get_id    (CfSbomFormat format);
const char *cf_sbom_format_get_label (CfSbomFormat format);  /* translated, e.g. "CycloneDX 1.4 (JSON)" without version: "CycloneDX (JSON)" */
gboolean    cf_sbom_format_from_id   (const char   *id,
                                      CfSbomFormat *format);

/* Limits for input from elsewhere. A file beyond any of them is refused with
 * a message naming the limit; nothing is half-read. */
typedef struct
{
  guint64 max_size;        /* bytes; default 256 MiB */
  guint   max_depth;       /* nesting of JSON arrays/objects or XML elements; default 64 */
  gsize   max_string;      /* bytes of one JSON string or XML text/attribute; default 4 MiB */
  guint   max_components;  /* default 1,000,000 */
} CfSbomLimits;

#define CF_SBOM_DEFAULT_MAX_SIZE (G_GUINT64_CONSTANT (256) * 1024 * 1024)

void cf_sbom_limits_init_default (CfSbomLimits *limits);

typedef struct
{
  char *algorithm;  /* normalised: "SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-512", "BLAKE2b-256", … "MD5" */
  char *value;      /* lower-case hex */
} CfSbomHash;

/* One component. Strings are NULL when the SBOM does not give them; all
 * are valid UTF-8. */
typedef struct
{
  char      *ref;           /* CycloneDX bom-ref, SPDX SPDXID or spdxId: unique in its SBOM; NULL if none */
  char      *name;          /* never NULL (a component without a name is given "" by no parser: it is an error) */
  char      *version;
  char      *type;          /* CycloneDX type ("library", "application", "framework", "container", "firmware",
                             * "device", "file", "operating-system", …); SPDX primaryPackagePurpose, lower-cased
                             * with '_' → '-' */
  char      *supplier;      /* CycloneDX supplier.name; SPDX supplier without its "Organization: "/"Person: " prefix */
  char      *author;        /* the component's creator: CycloneDX author / authors[].name / manufacturer.name,
                             * SPDX originator (prefix removed), SPDX 3 originatedBy names */
  char      *purl;
  char      *cpe;           /* CycloneDX cpe, SPDX externalRefs of type cpe22Type/cpe23Type */
  char      *licences;      /* SPDX licence expression or ids/names joined with " AND "; concluded before declared */
  char      *filename;      /* SPDX packageFileName; CycloneDX: NULL */
  char      *download;      /* CycloneDX externalReferences type "distribution"; SPDX downloadLocation unless NOASSERTION/NONE */
  GPtrArray *hashes;        /* CfSbomHash*, owned */
  GPtrArray *depends_on;    /* char* refs of the components this one depends on (or contains), owned */
  gboolean   dependencies_known;  /* the SBOM has a dependency entry for this component, even an empty one */
} CfSbomComponent;

CfSbomComponent *cf_sbom_component_new  (void);
void             cf_sbom_component_free (CfSbomComponent *component);
const char      *cf_sbom_component_get_hash (const CfSbomComponent *component,
                                             const char            *algorithm);  /* NULL if absent */

/* A whole SBOM: the document's own data and its components, in document
 * order (CycloneDX nested components flattened after their parent). The
 * described product itself (CycloneDX metadata.component, SPDX
 * documentDescribes / rootElement) is NOT among the components; its name
 * and version are in subject_name and subject_version. */
typedef struct
{
  CfSbomFormat  format;
  char         *spec_version;     /* "1.4", "2.3", "3.0" */
  char         *serial;           /* CycloneDX serialNumber, SPDX documentNamespace, SPDX 3 SpdxDocument spdxId */
  char         *name;             /* SPDX document name; CycloneDX: NULL */
  char         *timestamp;        /* as given: CycloneDX metadata.timestamp, SPDX creationInfo.created */
  char         *creator;          /* people and organisations, "; "-joined: CycloneDX metadata.authors /
                                   * manufacture / supplier; SPDX creators "Person:"/"Organization:" */
  char         *tools;            /* tools, "; "-joined: CycloneDX metadata.tools, SPDX creators "Tool:" */
  char         *subject_ref;
  char         *subject_name;
  char         *subject_version;
  GPtrArray    *components;       /* CfSbomComponent*, owned */
} CfSbom;

CfSbom *cf_sbom_new  (CfSbomFormat format);
void    cf_sbom_free (CfSbom *sbom);

/* The format with the SBOM's version, translated: "CycloneDX 1.4 (JSON)". */
char   *cf_sbom_describe_format (const CfSbom *sbom);
char   *cf_sbom_format_describe (CfSbomFormat  format,
                                 const char   *spec_version);

/* Reads an SBOM from memory, recognising its format from the content.
 * @limits may be NULL for the defaults. Errors are CF_ERROR_INVALID_INPUT (a
 * malformed or unsupported file: the message names the line for XML, the
 * JSON path or line for JSON) or CF_ERROR_TOO_LARGE (a limit). */
CfSbom *cf_sbom_parse (GBytes              *data,
                       const CfSbomLimits  *limits,
                       GError             **error);

/* Reads a file; refuses it before reading if it exceeds limits->max_size.
 * The error names the file. */
CfSbom *cf_sbom_parse_file (GFile               *file,
                            const CfSbomLimits  *limits,
                            GCancellable        *cancellable,
                            GBytes             **contents,   /* (out) (optional): the bytes read */
                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSbom, cf_sbom_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSbomComponent, cf_sbom_component_free)

G_END_DECLS
