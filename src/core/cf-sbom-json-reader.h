/* cf-sbom-json-reader.h — a strict pull reader of JSON in memory
 *
 * It reads the JSON of an SBOM straight from its bytes, without building a
 * tree, and refuses exactly what cf_sbom_parse() refuses when it reads JSON
 * with json-glib: the limits and strictness of its pre-scan, then what
 * json-glib itself does not take. Strings are found, checked and kept as
 * where they stand in the input; they are decoded (the escapes, as json-glib
 * decodes them) only when asked for.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-sbom.h"

G_BEGIN_DECLS

typedef enum
{
  CF_SBOM_JSON_NONE,     /* the reader failed */
  CF_SBOM_JSON_OBJECT,
  CF_SBOM_JSON_ARRAY,
  CF_SBOM_JSON_STRING,
  CF_SBOM_JSON_NUMBER,
  CF_SBOM_JSON_BOOLEAN,
  CF_SBOM_JSON_NULL,
} CfSbomJsonType;

/* A string as it stands in the input, between its quotes: valid UTF-8,
 * within limits->max_string. */
typedef struct
{
  const char *text;
  gsize       length;
  gboolean    escaped;  /* has a backslash: decoded, it differs */
} CfSbomJsonString;

/* An array or object being read. */
typedef struct
{
  gboolean         is_array;
  guint            count;   /* elements or members begun */
  CfSbomJsonString member;  /* objects: the name of the current member */
} CfSbomJsonFrame;

/* On the stack; the fields are private. */
typedef struct
{
  const char         *data;
  gsize               size;
  gsize               pos;
  gsize               line;        /* of pos, from 1 */
  gsize               line_start;  /* where that line starts */
  gsize               token_end;   /* the end of the last token read, */
  gsize               token_line;  /* its line */
  gsize               token_line_start;
  const CfSbomLimits *limits;
  CfSbomJsonFrame    *frames;
  guint               depth;
  guint               n_frames;
  GString            *scratch;
  GError             *error;
  gboolean            failed;
  gboolean            root_read;   /* the top-level value is behind pos */
} CfSbomJsonReader;

void cf_sbom_json_reader_init  (CfSbomJsonReader   *reader,
                                const char         *data,
                                gsize               size,
                                const CfSbomLimits *limits);
void cf_sbom_json_reader_clear (CfSbomJsonReader   *reader);

/* Reading. Each call returns FALSE (or CF_SBOM_JSON_NONE) once the reader
 * has failed, and the first failure is kept. */

/* Whether only white space is left: an empty document. */
gboolean       cf_sbom_json_reader_at_end       (CfSbomJsonReader *reader);
/* The type of the next value, which is not consumed. */
CfSbomJsonType cf_sbom_json_reader_peek         (CfSbomJsonReader *reader);
gboolean       cf_sbom_json_reader_enter_object (CfSbomJsonReader *reader);
/* TRUE with the next member's name, its value next; FALSE at the end of
 * the object (then consumed) or on failure. */
gboolean       cf_sbom_json_reader_next_member  (CfSbomJsonReader *reader,
                                                 CfSbomJsonString *name);
gboolean       cf_sbom_json_reader_enter_array  (CfSbomJsonReader *reader);
/* TRUE when an element is next; FALSE at the end of the array (then
 * consumed) or on failure. */
gboolean       cf_sbom_json_reader_next_element (CfSbomJsonReader *reader);
gboolean       cf_sbom_json_reader_read_string  (CfSbomJsonReader *reader,
                                                 CfSbomJsonString *string);
/* Any value, however nested, checked but not kept; never recursive. */
gboolean       cf_sbom_json_reader_skip         (CfSbomJsonReader *reader);
/* After the root value: what json-glib takes after it (more arrays and
 * objects, which it ignores), then nothing. */
gboolean       cf_sbom_json_reader_end          (CfSbomJsonReader *reader);

gboolean cf_sbom_json_reader_failed   (CfSbomJsonReader *reader);
/* The failure, as cf_sbom_parse() would report it (CF_ERROR_INVALID_INPUT
 * or CF_ERROR_TOO_LARGE, naming the line and column). */
GError  *cf_sbom_json_reader_steal_error (CfSbomJsonReader *reader);

/* The path of the value being read, e.g. "$.components[3].name", or of
 * the array or object just closed: "$.components[3]". */
char    *cf_sbom_json_reader_dup_path (CfSbomJsonReader *reader);

/* Strings, decoded as json-glib decodes them: a \u0000 ends the string,
 * and a lone surrogate escape gives bytes that are not UTF-8. */
char    *cf_sbom_json_reader_dup       (CfSbomJsonReader       *reader,
                                        const CfSbomJsonString *string);
/* As _cf_sbom_clean() would make it: NULL when blank. */
char    *cf_sbom_json_reader_dup_clean (CfSbomJsonReader       *reader,
                                        const CfSbomJsonString *string);
gboolean cf_sbom_json_reader_equal     (CfSbomJsonReader       *reader,
                                        const CfSbomJsonString *string,
                                        const char             *text);
/* Empty or only ASCII white space, as _cf_sbom_clean() strips it. */
gboolean cf_sbom_json_reader_is_blank  (CfSbomJsonReader       *reader,
                                        const CfSbomJsonString *string);

G_END_DECLS
