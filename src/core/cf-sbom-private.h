/* cf-sbom-private.h — what the CycloneDX and SPDX readers share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

#include "cf-sbom.h"

G_BEGIN_DECLS

/* The readers. The JSON ones get a document json-glib has parsed after
 * cf_sbom_parse() checked its nesting and strings; the XML one a document
 * without a DOCTYPE whose depth and strings are checked. They report the
 * first problem. */
CfSbom *_cf_sbom_cyclonedx_read_json (JsonObject          *root,
                                      const CfSbomLimits  *limits,
                                      GError             **error);
CfSbom *_cf_sbom_cyclonedx_read_xml  (xmlDoc              *doc,
                                      const char          *spec_version,
                                      const CfSbomLimits  *limits,
                                      GError             **error);
CfSbom *_cf_sbom_spdx_read_json      (JsonObject          *root,
                                      const CfSbomLimits  *limits,
                                      GError             **error);
CfSbom *_cf_sbom_spdx3_read_jsonld   (JsonObject          *root,
                                      const CfSbomLimits  *limits,
                                      GError             **error);

/* CycloneDX JSON straight from its bytes, with no json-glib tree (the
 * bytes after any byte order mark, checked by nothing yet). The same SBOM
 * or refusal as check_json(), json-glib and _cf_sbom_cyclonedx_read_json()
 * give; NULL without an error when the document has no bomFormat (not
 * CycloneDX) or uses a quirk of json-glib's: read it with json-glib then. */
CfSbom *_cf_sbom_parse_with_tree (GBytes              *data,
                                  const CfSbomLimits  *limits,
                                  GError             **error);
CfSbom *_cf_sbom_cyclonedx_read_json_stream (const char          *data,
                                             gsize                size,
                                             const CfSbomLimits  *limits,
                                             GError             **error);

gboolean _cf_sbom_cyclonedx_version_is_supported (const char *version);

/* The pre-scan's rule for the escape at @i in a string: its length, or 0
 * and @problem when it is refused. */
gsize _cf_json_escape_length (const guchar  *data,
                              gsize          size,
                              gsize          i,
                              const char   **problem);

/* How far the top level of a JSON text has got. */
typedef enum
{
  CF_JSON_ROOT_NONE,     /* only white space so far */
  CF_JSON_ROOT_IN_TOKEN, /* inside a number or literal at the top level */
  CF_JSON_ROOT_DONE,     /* the one value has started: only white space may follow */
} CfJsonRoot;

/* What json-glib may be given: UTF-8, strict JSON, nesting and strings
 * within @limits (json-glib recurses, so deep nesting would overflow the
 * stack), one value at the top level and no \u0000 (json-glib would drop
 * what follows either). Also used for the other JSON that comes from
 * elsewhere: dossier manifests and findings files. */
gboolean _cf_json_check_safe (const char          *data,
                              gsize                size,
                              const CfSbomLimits  *limits,
                              GError             **error);

/* Where a scan starts: the JSON before it passed the same rules. */
typedef struct
{
  gsize      pos;
  gsize      line;        /* of pos, from 1 */
  gsize      line_start;  /* where that line starts */
  guint      depth;
  CfJsonRoot root;        /* at depth 0 */
} CfJsonPlace;

/* _cf_json_check_safe() in two steps, the second from any @from: the
 * stream reader, failing somewhere, asks for the first problem the whole
 * check would have told. */
gboolean _cf_json_check_utf8      (const char          *data,
                                   gsize                size,
                                   GError             **error);
gboolean _cf_json_check_safe_from (const char          *data,
                                   gsize                size,
                                   const CfSbomLimits  *limits,
                                   const CfJsonPlace   *from,
                                   GError             **error);

/* Trimmed, valid UTF-8 (invalid bytes replaced), NULL when empty. */
char *_cf_sbom_clean (const char *text);

/* Text from the input, fit to quote in a message: valid UTF-8, its first
 * line, at most 64 characters. */
char *_cf_sbom_quote (const char *text);

/* "SHA256", "sha-256", "sha256" → "SHA-256"; an unknown name as given. */
char *_cf_sbom_normalise_hash_algorithm (const char *algorithm);
void  _cf_sbom_component_add_hash       (CfSbomComponent *component,
                                         const char      *algorithm,
                                         const char      *value);

/* Appends @component (taken) to the SBOM, unless that would pass
 * limits->max_components. */
gboolean _cf_sbom_add_component (CfSbom              *sbom,
                                 CfSbomComponent     *component,
                                 const CfSbomLimits  *limits,
                                 GError             **error);

/* Strings collected once each, in the order first seen. Zero-initialise. */
typedef struct
{
  GPtrArray  *items;
  GHashTable *seen;
} CfSbomList;

void  _cf_sbom_list_add   (CfSbomList *list,
                           const char *text);   /* cleaned; NULL or blank is skipped */
char *_cf_sbom_list_join  (CfSbomList *list,
                           const char *separator);  /* NULL when empty */
char *_cf_sbom_list_join_licences (CfSbomList *list);  /* " AND ", parenthesising ORs */
void  _cf_sbom_list_clear (CfSbomList *list);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfSbomList, _cf_sbom_list_clear)

/* The components by ref, to attach dependencies without quadratic work. */
typedef struct
{
  GHashTable *by_ref;   /* ref → CfSbomComponent*, borrowed; the first of a ref wins */
  GHashTable *edges;    /* "component\nref" already added */
} CfSbomGraph;

void             _cf_sbom_graph_init   (CfSbomGraph *graph,
                                        CfSbom      *sbom);
CfSbomComponent *_cf_sbom_graph_lookup (CfSbomGraph *graph,
                                        const char  *ref);
void             _cf_sbom_graph_add    (CfSbomGraph     *graph,
                                        CfSbomComponent *from,
                                        const char      *to);  /* marks dependencies known; no duplicates */
void             _cf_sbom_graph_clear  (CfSbomGraph *graph);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfSbomGraph, _cf_sbom_graph_clear)

/* JSON members, leniently: NULL when absent or of another type. */
const char *_cf_sbom_json_get_string (JsonObject *object,
                                      const char *member);
JsonObject *_cf_sbom_json_get_object (JsonObject *object,
                                      const char *member);
JsonArray  *_cf_sbom_json_get_array  (JsonObject *object,
                                      const char *member);
char       *_cf_sbom_json_dup_string (JsonObject *object,
                                      const char *member);  /* cleaned */

/* JSON members, strictly: an error naming the path (e.g.
 * "$.components[3].name") when the shape is wrong. @path is the path of
 * @object or @array. */
char *_cf_sbom_json_path (const char *path,
                          const char *member,
                          gint        index);  /* member or [index] when member is NULL */

gboolean    _cf_sbom_json_require_array  (JsonObject  *object,
                                          const char  *member,
                                          const char  *path,
                                          JsonArray  **array,    /* NULL when absent */
                                          GError     **error);
JsonObject *_cf_sbom_json_element_object (JsonArray   *array,
                                          guint        index,
                                          const char  *path,
                                          GError     **error);
const char *_cf_sbom_json_element_string (JsonArray   *array,
                                          guint        index,
                                          const char  *path,
                                          GError     **error);
const char *_cf_sbom_json_require_string (JsonObject  *object,
                                          const char  *member,
                                          const char  *path,
                                          GError     **error);  /* present, a string, not blank */

G_END_DECLS
