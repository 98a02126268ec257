/* cf-sbom.c — the SBOM model, format detection and safe reading
 *
 * An SBOM comes from elsewhere: every byte of it is untrusted. Limits are
 * checked before json-glib or libxml2 sees the data, entities are never
 * expanded, and the first problem is reported with its line or JSON path.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-sbom.h"
#include "cf-sbom-private.h"

#define CYCLONEDX_NS_PREFIX "http://cyclonedx.org/schema/bom/"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* Read by cf_sbom_parse_file() at a time. */
#define READ_CHUNK (64 * 1024)

static const struct {
  const char *id;
  const char *label;
} formats[] = {
  [CF_SBOM_FORMAT_CYCLONEDX_JSON] = { "cyclonedx-json", N_("CycloneDX (JSON)") },
  [CF_SBOM_FORMAT_CYCLONEDX_XML] = { "cyclonedx-xml", N_("CycloneDX (XML)") },
  [CF_SBOM_FORMAT_SPDX_JSON] = { "spdx-json", N_("SPDX (JSON)") },
  [CF_SBOM_FORMAT_SPDX3_JSONLD] = { "spdx3-jsonld", N_("SPDX 3 (JSON-LD)") },
};

const char *
cf_sbom_format_get_id (CfSbomFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].id;
}

const char *
cf_sbom_format_get_label (CfSbomFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return _(formats[format].label);
}

gboolean
cf_sbom_format_from_id (const char   *id,
                        CfSbomFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      {
        if (format != NULL)
          *format = (CfSbomFormat) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * cf_sbom_format_describe:
 * @spec_version: (nullable): the version of the format's specification
 *
 * Returns: (transfer full): the format with its specification version,
 *   translated, e.g. "CycloneDX 1.4 (JSON)"
 */
char *
cf_sbom_format_describe (CfSbomFormat  format,
                         const char   *spec_version)
{
  if (spec_version == NULL || *spec_version == '\0')
    return g_strdup (cf_sbom_format_get_label (format));

  switch (format)
    {
    case CF_SBOM_FORMAT_CYCLONEDX_JSON:
      /* Translators: a file format and its version, e.g. "CycloneDX 1.4 (JSON)" */
      return g_strdup_printf (_("CycloneDX %s (JSON)"), spec_version);
    case CF_SBOM_FORMAT_CYCLONEDX_XML:
      /* Translators: a file format and its version, e.g. "CycloneDX 1.4 (XML)" */
      return g_strdup_printf (_("CycloneDX %s (XML)"), spec_version);
    case CF_SBOM_FORMAT_SPDX_JSON:
      /* Translators: a file format and its version, e.g. "SPDX 2.3 (JSON)" */
      return g_strdup_printf (_("SPDX %s (JSON)"), spec_version);
    case CF_SBOM_FORMAT_SPDX3_JSONLD:
      /* Translators: a file format and its version, e.g. "SPDX 3.0 (JSON-LD)" */
      return g_strdup_printf (_("SPDX %s (JSON-LD)"), spec_version);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cf_sbom_describe_format:
 *
 * Returns: (transfer full): the SBOM's format with its specification
 *   version, as cf_sbom_format_describe()
 */
char *
cf_sbom_describe_format (const CfSbom *sbom)
{
  g_return_val_if_fail (sbom != NULL, NULL);

  return cf_sbom_format_describe (sbom->format, sbom->spec_version);
}

void
cf_sbom_limits_init_default (CfSbomLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_size = CF_SBOM_DEFAULT_MAX_SIZE;
  limits->max_depth = 64;
  limits->max_string = 4 * 1024 * 1024;
  limits->max_components = 1000000;
}

/* Components */

static void
hash_free (gpointer data)
{
  CfSbomHash *hash = data;

  g_free (hash->algorithm);
  g_free (hash->value);
  g_free (hash);
}

CfSbomComponent *
cf_sbom_component_new (void)
{
  CfSbomComponent *component = g_new0 (CfSbomComponent, 1);

  component->hashes = g_ptr_array_new_with_free_func (hash_free);
  component->depends_on = g_ptr_array_new_with_free_func (g_free);

  return component;
}

void
cf_sbom_component_free (CfSbomComponent *component)
{
  if (component == NULL)
    return;

  g_free (component->ref);
  g_free (component->name);
  g_free (component->version);
  g_free (component->type);
  g_free (component->supplier);
  g_free (component->author);
  g_free (component->purl);
  g_free (component->cpe);
  g_free (component->licences);
  g_free (component->filename);
  g_free (component->download);
  g_clear_pointer (&component->hashes, g_ptr_array_unref);
  g_clear_pointer (&component->depends_on, g_ptr_array_unref);
  g_free (component);
}

/* Names as CycloneDX spells them; SPDX 2 and 3 spell them otherwise. */
static const struct {
  const char *key;   /* upper case, without '-' and '_' */
  const char *name;
} hash_algorithms[] = {
  { "MD2", "MD2" },
  { "MD4", "MD4" },
  { "MD5", "MD5" },
  { "MD6", "MD6" },
  { "SHA1", "SHA-1" },
  { "SHA224", "SHA-224" },
  { "SHA256", "SHA-256" },
  { "SHA384", "SHA-384" },
  { "SHA512", "SHA-512" },
  { "SHA3224", "SHA3-224" },
  { "SHA3256", "SHA3-256" },
  { "SHA3384", "SHA3-384" },
  { "SHA3512", "SHA3-512" },
  { "BLAKE2B256", "BLAKE2b-256" },
  { "BLAKE2B384", "BLAKE2b-384" },
  { "BLAKE2B512", "BLAKE2b-512" },
  { "BLAKE3", "BLAKE3" },
  { "ADLER32", "ADLER32" },
};

char *
_cf_sbom_normalise_hash_algorithm (const char *algorithm)
{
  g_autofree char *clean = _cf_sbom_clean (algorithm);
  g_autoptr(GString) key = NULL;

  if (clean == NULL)
    return NULL;

  key = g_string_new (NULL);
  for (const char *p = clean; *p != '\0'; p++)
    if (*p != '-' && *p != '_' && *p != ' ')
      g_string_append_c (key, g_ascii_toupper (*p));

  for (guint i = 0; i < G_N_ELEMENTS (hash_algorithms); i++)
    if (g_str_equal (key->str, hash_algorithms[i].key))
      return g_strdup (hash_algorithms[i].name);

  return g_steal_pointer (&clean);
}

void
_cf_sbom_component_add_hash (CfSbomComponent *component,
                             const char      *algorithm,
                             const char      *value)
{
  g_autofree char *name = _cf_sbom_normalise_hash_algorithm (algorithm);
  g_autofree char *clean = _cf_sbom_clean (value);
  CfSbomHash *hash;

  if (name == NULL || clean == NULL)
    return;

  hash = g_new0 (CfSbomHash, 1);
  hash->algorithm = g_steal_pointer (&name);
  hash->value = g_ascii_strdown (clean, -1);
  g_ptr_array_add (component->hashes, hash);
}

/**
 * cf_sbom_component_get_hash:
 * @algorithm: in any spelling the readers understand ("SHA-512", "SHA512",
 *   "sha512")
 *
 * Returns: (nullable): the first hash of that algorithm, lower-case hex
 */
const char *
cf_sbom_component_get_hash (const CfSbomComponent *component,
                            const char            *algorithm)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (component != NULL, NULL);
  g_return_val_if_fail (algorithm != NULL, NULL);

  name = _cf_sbom_normalise_hash_algorithm (algorithm);
  for (guint i = 0; name != NULL && i < component->hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (component->hashes, i);

      if (g_str_equal (hash->algorithm, name))
        return hash->value;
    }

  return NULL;
}

/* The SBOM */

CfSbom *
cf_sbom_new (CfSbomFormat format)
{
  CfSbom *sbom = g_new0 (CfSbom, 1);

  sbom->format = format;
  sbom->components = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sbom_component_free);

  return sbom;
}

void
cf_sbom_free (CfSbom *sbom)
{
  if (sbom == NULL)
    return;

  g_free (sbom->spec_version);
  g_free (sbom->serial);
  g_free (sbom->name);
  g_free (sbom->timestamp);
  g_free (sbom->creator);
  g_free (sbom->tools);
  g_free (sbom->subject_ref);
  g_free (sbom->subject_name);
  g_free (sbom->subject_version);
  g_clear_pointer (&sbom->components, g_ptr_array_unref);
  g_free (sbom);
}

gboolean
_cf_sbom_add_component (CfSbom              *sbom,
                        CfSbomComponent     *component,
                        const CfSbomLimits  *limits,
                        GError             **error)
{
  if (sbom->components->len >= limits->max_components)
    {
      cf_sbom_component_free (component);
      g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                   _("The SBOM has more than %u components, the limit"),
                   limits->max_components);
      return FALSE;
    }

  g_ptr_array_add (sbom->components, component);
  return TRUE;
}

/* Shared helpers */

char *
_cf_sbom_clean (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  /* json-glib and libxml2 hand out UTF-8 already; this is the last guard
   * for what reaches the database and the screen. */
  copy = g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
  g_strstrip (copy);
  if (*copy == '\0')
    return NULL;

  /* A JSON escape can carry any control character, and an escape sequence
   * (U+001B) rewrites the terminal that lists the components. They become
   * U+FFFD, as in assessment.xml; the file itself is kept as it is. */
  return cf_field_dup_printable (copy, TRUE);
}

char *
_cf_sbom_quote (const char *text)
{
  g_autofree char *made_valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *valid = NULL;
  char *end = strpbrk (made_valid, "\r\n");

  if (end != NULL)
    *end = '\0';
  valid = cf_field_dup_printable (made_valid, FALSE);

  if (g_utf8_strlen (valid, -1) <= 64)
    return g_steal_pointer (&valid);

  *g_utf8_offset_to_pointer (valid, 64) = '\0';
  return g_strconcat (valid, "…", NULL);
}

void
_cf_sbom_list_add (CfSbomList *list,
                   const char *text)
{
  char *clean = _cf_sbom_clean (text);

  if (clean == NULL)
    return;

  if (list->items == NULL)
    {
      list->items = g_ptr_array_new_with_free_func (g_free);
      list->seen = g_hash_table_new (g_str_hash, g_str_equal);
    }

  /* Not g_hash_table_add() on a duplicate: it would replace the key with
   * the copy freed here. */
  if (g_hash_table_contains (list->seen, clean))
    {
      g_free (clean);
      return;
    }
  g_hash_table_add (list->seen, clean);
  g_ptr_array_add (list->items, clean);
}

char *
_cf_sbom_list_join (CfSbomList *list,
                    const char *separator)
{
  g_autoptr(GString) joined = NULL;

  if (list->items == NULL || list->items->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < list->items->len; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, g_ptr_array_index (list->items, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Whether the whole of @text is one parenthesised group. */
static gboolean
is_parenthesised (const char *text)
{
  gsize length = strlen (text);
  int depth = 0;

  if (length < 2 || text[0] != '(' || text[length - 1] != ')')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '(')
        depth++;
      else if (text[i] == ')' && --depth == 0 && i + 1 < length)
        return FALSE;
    }

  return depth == 0;
}

/* "MIT" and "Apache-2.0 OR GPL-2.0-only" become "MIT AND (Apache-2.0 OR
 * GPL-2.0-only)": AND binds tighter than OR, so an OR needs parentheses. */
char *
_cf_sbom_list_join_licences (CfSbomList *list)
{
  g_autoptr(GString) joined = NULL;
  guint n = list->items ? list->items->len : 0;

  if (n <= 1)
    return _cf_sbom_list_join (list, " AND ");

  joined = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *part = g_ptr_array_index (list->items, i);
      gboolean has_or = strstr (part, " OR ") != NULL || strstr (part, " or ") != NULL;

      if (i > 0)
        g_string_append (joined, " AND ");
      if (has_or && !is_parenthesised (part))
        g_string_append_printf (joined, "(%s)", part);
      else
        g_string_append (joined, part);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

void
_cf_sbom_list_clear (CfSbomList *list)
{
  g_clear_pointer (&list->seen, g_hash_table_unref);
  g_clear_pointer (&list->items, g_ptr_array_unref);
}

void
_cf_sbom_graph_init (CfSbomGraph *graph,
                     CfSbom      *sbom)
{
  graph->by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  graph->edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < sbom->components->len; i++)
    {
      CfSbomComponent *component = g_ptr_array_index (sbom->components, i);

      if (component->ref != NULL && !g_hash_table_contains (graph->by_ref, component->ref))
        g_hash_table_insert (graph->by_ref, component->ref, component);
    }
}

CfSbomComponent *
_cf_sbom_graph_lookup (CfSbomGraph *graph,
                       const char  *ref)
{
  g_autofree char *clean = _cf_sbom_clean (ref);

  return clean != NULL ? g_hash_table_lookup (graph->by_ref, clean) : NULL;
}

void
_cf_sbom_graph_add (CfSbomGraph     *graph,
                    CfSbomComponent *from,
                    const char      *to)
{
  g_autofree char *clean = _cf_sbom_clean (to);
  char *edge;

  from->dependencies_known = TRUE;
  if (clean == NULL)
    return;

  edge = g_strdup_printf ("%p\n%s", (gpointer) from, clean);
  if (g_hash_table_add (graph->edges, edge))
    g_ptr_array_add (from->depends_on, g_steal_pointer (&clean));
}

void
_cf_sbom_graph_clear (CfSbomGraph *graph)
{
  g_clear_pointer (&graph->by_ref, g_hash_table_unref);
  g_clear_pointer (&graph->edges, g_hash_table_unref);
}

/* JSON access */

const char *
_cf_sbom_json_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
_cf_sbom_json_get_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
_cf_sbom_json_get_array (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

char *
_cf_sbom_json_dup_string (JsonObject *object,
                          const char *member)
{
  return _cf_sbom_clean (_cf_sbom_json_get_string (object, member));
}

/* "$.components[3].name"; a member that is not a plain word is quoted:
 * "$['@graph'][2]". */
char *
_cf_sbom_json_path (const char *path,
                    const char *member,
                    gint        index)
{
  gboolean plain = member != NULL && *member != '\0';

  if (member == NULL)
    return g_strdup_printf ("%s[%d]", path, index);

  for (const char *p = member; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';

  if (plain)
    return g_strdup_printf ("%s.%s", path, member);
  return g_strdup_printf ("%s['%s']", path, member);
}

gboolean
_cf_sbom_json_require_array (JsonObject  *object,
                             const char  *member,
                             const char  *path,
                             JsonArray  **array,
                             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = NULL;

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      *array = json_node_get_array (node);
      return TRUE;
    }

  where = _cf_sbom_json_path (path, member, 0);
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not an array"), where);
  return FALSE;
}

JsonObject *
_cf_sbom_json_element_object (JsonArray   *array,
                              guint        index,
                              const char  *path,
                              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *where = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  where = _cf_sbom_json_path (path, NULL, (gint) index);
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not an object"), where);
  return NULL;
}

const char *
_cf_sbom_json_element_string (JsonArray   *array,
                              guint        index,
                              const char  *path,
                              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *where = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  where = _cf_sbom_json_path (path, NULL, (gint) index);
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not a string"), where);
  return NULL;
}

const char *
_cf_sbom_json_require_string (JsonObject  *object,
                              const char  *member,
                              const char  *path,
                              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = _cf_sbom_json_path (path, member, 0);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is missing"), where);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not a string"), where);
      return NULL;
    }

  value = json_node_get_string (node);
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return value;

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is empty"), where);
  return NULL;
}

/* Checking JSON before json-glib parses it */

typedef struct
{
  const char         *data;
  gsize               size;
  gsize               pos;
  gsize               line;
  gsize               line_start;
  const CfSbomLimits *limits;
} JsonScan;

static void
json_scan_fail (JsonScan    *scan,
                gsize        at,
                const char  *problem,
                GError     **error)
{
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("Not valid JSON at line %zu, column %zu: %s"),
               scan->line, at - scan->line_start + 1, problem);
}

static int
json_hex4 (const guchar *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value << 4 | digit;
    }

  return value;
}

/* The length of the escape at @i (a backslash), or 0 with @problem set.
 * Strict where json-glib is not: \u0000 would end its string there and
 * drop the rest; of a surrogate escape not in a proper pair it takes the
 * next character as the other half whatever it is, or leaks as it
 * refuses. */
gsize
_cf_json_escape_length (const guchar  *data,
                        gsize          size,
                        gsize          i,
                        const char   **problem)
{
  int unit;

  if (i + 1 < size && data[i + 1] != '\0' && strchr ("\"\\/bfnrt", data[i + 1]) != NULL)
    return 2;

  unit = i + 5 < size && data[i + 1] == 'u' ? json_hex4 (data + i + 2) : -1;
  if (unit < 0)
    *problem = _("an invalid escape in a string");
  else if (unit == 0)
    *problem = _("an escaped NUL character (\\u0000) in a string");
  else if (unit < 0xD800 || unit > 0xDFFF)
    return 6;
  else if (unit <= 0xDBFF && i + 11 < size && data[i + 6] == '\\' && data[i + 7] == 'u' &&
           json_hex4 (data + i + 8) >= 0xDC00 && json_hex4 (data + i + 8) <= 0xDFFF)
    return 12;
  else
    *problem = _("a surrogate escape (\\uD800 to \\uDFFF) not in a pair in a string");

  return 0;
}

/* A string as RFC 8259 has it: no control characters, only the escapes it
 * lists. Being strict keeps json-glib from ever seeing a string end where
 * this scanner did not see one. */
static gboolean
json_scan_string (JsonScan  *scan,
                  GError   **error)
{
  gsize start = scan->pos;
  gsize i = start + 1;

  while (i < scan->size)
    {
      guchar c = scan->data[i];
      const char *problem;
      gsize length;

      if (i - start - 1 > scan->limits->max_string)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                       _("The string at line %zu, column %zu is longer than %zu bytes, the limit"),
                       scan->line, start - scan->line_start + 1, scan->limits->max_string);
          return FALSE;
        }

      if (c == '"')
        {
          scan->pos = i + 1;
          return TRUE;
        }
      if (c < 0x20)
        {
          json_scan_fail (scan, i, _("a control character in a string"), error);
          return FALSE;
        }
      if (c != '\\')
        {
          i++;
          continue;
        }

      length = _cf_json_escape_length ((const guchar *) scan->data, scan->size, i, &problem);
      if (length == 0)
        {
          json_scan_fail (scan, i, problem, error);
          return FALSE;
        }
      i += length;
    }

  json_scan_fail (scan, start, _("a string is not closed"), error);
  return FALSE;
}

static gboolean
json_scan_is_token_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

/* One character at the top level (depth 0) of JSON: %FALSE when it starts
 * a second value, or anything else after the first. */
static gboolean
json_root_step (CfJsonRoot *root,
                guchar      c)
{
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
    {
      if (*root == CF_JSON_ROOT_IN_TOKEN)
        *root = CF_JSON_ROOT_DONE;
      return TRUE;
    }

  if (*root == CF_JSON_ROOT_IN_TOKEN)
    {
      if (json_scan_is_token_char (c))
        return TRUE;
      *root = CF_JSON_ROOT_DONE;
    }
  if (*root == CF_JSON_ROOT_DONE)
    return FALSE;

  /* The root starts. A string is read whole, and an array or object is
   * back at depth 0 only once it is closed, so both are done here; other
   * characters are json-glib's to refuse. */
  if (json_scan_is_token_char (c))
    *root = CF_JSON_ROOT_IN_TOKEN;
  else if (c == '"' || c == '[' || c == '{')
    *root = CF_JSON_ROOT_DONE;
  return TRUE;
}

/* json-glib recurses into arrays and objects, so deep nesting would
 * overflow the stack: count it here. Outside strings only what JSON
 * allows passes (json-glib would also take single quotes and comments),
 * and only one value at the top level: json-glib would keep the first of
 * "{…} {…}", drop the others unseen and leak them. */
gboolean
_cf_json_check_safe_from (const char          *data,
                          gsize                size,
                          const CfSbomLimits  *limits,
                          const CfJsonPlace   *from,
                          GError             **error)
{
  JsonScan scan = { data, size, from->pos, from->line, from->line_start, limits };
  CfJsonRoot root = from->depth > 0 ? CF_JSON_ROOT_DONE : from->root;
  guint depth = from->depth;

  while (scan.pos < size)
    {
      guchar c = data[scan.pos];

      if (depth == 0 && !json_root_step (&root, c))
        {
          json_scan_fail (&scan, scan.pos, _("more after the end of the data"), error);
          return FALSE;
        }

      switch (c)
        {
        case '"':
          if (!json_scan_string (&scan, error))
            return FALSE;
          continue;
        case '[':
        case '{':
          if (++depth > limits->max_depth)
            {
              g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                           _("The JSON at line %zu, column %zu nests arrays and objects more "
                             "than %u deep, the limit"),
                           scan.line, scan.pos - scan.line_start + 1, limits->max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case '\n':
          scan.line++;
          scan.line_start = scan.pos + 1;
          break;
        case ' ':
        case '\t':
        case '\r':
        case ':':
        case ',':
          break;
        default:
          if (!json_scan_is_token_char (c))
            {
              g_autofree char *problem = NULL;

              problem = g_ascii_isprint (c)
                ? g_strdup_printf (_("unexpected character “%c”"), c)
                : g_strdup (_("unexpected character"));
              json_scan_fail (&scan, scan.pos, problem, error);
              return FALSE;
            }
        }
      scan.pos++;
    }

  return TRUE;
}

gboolean
_cf_json_check_utf8 (const char  *data,
                     gsize        size,
                     GError     **error)
{
  JsonScan scan = { data, size, 0, 1, 0, NULL };
  const char *end = NULL;

  if (g_utf8_validate_len (data, size, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      {
        scan.line++;
        scan.line_start = (gsize) (p - data) + 1;
      }
  json_scan_fail (&scan, (gsize) (end - data), _("not UTF-8 text"), error);
  return FALSE;
}

gboolean
_cf_json_check_safe (const char          *data,
                     gsize                size,
                     const CfSbomLimits  *limits,
                     GError             **error)
{
  const CfJsonPlace start = { 0, 1, 0, 0, CF_JSON_ROOT_NONE };

  return _cf_json_check_utf8 (data, size, error) &&
         _cf_json_check_safe_from (data, size, limits, &start, error);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
static void
set_json_parse_error (GError     **error,
                      const char  *message)
{
  unsigned int line = 0, column = 0;
  int consumed = 0;
  const char *rest;

  g_autofree char *quoted = NULL;

  /* json-glib quotes the input, and decodes a lone surrogate escape to
   * bytes that are not UTF-8. */
  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) < 2 || consumed == 0)
    {
      quoted = _cf_sbom_quote (message);
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("Not valid JSON: %s"), quoted);
      return;
    }

  rest = message + consumed;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");
  quoted = _cf_sbom_quote (rest);
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("Not valid JSON at line %u, column %u: %s"), line, column, quoted);
}

static const char *
spdx_context_text (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "@context");

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  /* A list of contexts: the SPDX one among them. */
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              strstr (json_node_get_string (element), "spdx.org/rdf/") != NULL)
            return json_node_get_string (element);
        }
    }

  return NULL;
}

static gboolean
graph_has_spdx_document (JsonObject *root)
{
  JsonArray *graph = _cf_sbom_json_get_array (root, "@graph");

  for (guint i = 0; graph != NULL && i < json_array_get_length (graph); i++)
    {
      JsonNode *node = json_array_get_element (graph, i);
      JsonObject *element = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (_cf_sbom_json_get_string (element, "type"), "SpdxDocument") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
set_not_an_sbom_error (GError **error)
{
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("This is not a CycloneDX or SPDX document. Conformity reads CycloneDX 1.2 to 1.6 "
                 "(JSON or XML), SPDX 2.2 and 2.3 (JSON) and SPDX 3.0 (JSON-LD)."));
}

static CfSbom *
read_json_document (JsonObject          *root,
                    const CfSbomLimits  *limits,
                    GError             **error)
{
  const char *context = spdx_context_text (root);

  if (json_object_has_member (root, "bomFormat"))
    {
      if (g_strcmp0 (_cf_sbom_json_get_string (root, "bomFormat"), "CycloneDX") != 0)
        {
          set_not_an_sbom_error (error);
          return NULL;
        }
      return _cf_sbom_cyclonedx_read_json (root, limits, error);
    }

  if (json_object_has_member (root, "spdxVersion"))
    return _cf_sbom_spdx_read_json (root, limits, error);

  if (context != NULL && strstr (context, "spdx.org/rdf/") != NULL)
    {
      if (strstr (context, "spdx.org/rdf/3.0") == NULL)
        {
          g_autofree char *quoted = _cf_sbom_quote (context);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("The SPDX context “%s” is not supported. Conformity reads SPDX 2.2 and "
                         "2.3 (JSON) and SPDX 3.0 (JSON-LD)."), quoted);
          return NULL;
        }
      return _cf_sbom_spdx3_read_jsonld (root, limits, error);
    }

  if (graph_has_spdx_document (root))
    return _cf_sbom_spdx3_read_jsonld (root, limits, error);

  set_not_an_sbom_error (error);
  return NULL;
}

static CfSbom *
read_json (const char          *data,
           gsize                size,
           const CfSbomLimits  *limits,
           gboolean             stream,
           GError             **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  CfSbom *sbom;

  /* CycloneDX straight from the bytes, with no tree: eight times faster and
   * a tenth of the memory for a large SBOM. NULL without an error: not
   * CycloneDX; json-glib reads it then. */
  sbom = stream ? _cf_sbom_cyclonedx_read_json_stream (data, size, limits, &local_error) : NULL;
  if (sbom != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return sbom;
    }

  if (!_cf_json_check_safe (data, size, limits, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      set_json_parse_error (error, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_not_an_sbom_error (error);
      return NULL;
    }

  return read_json_document (json_node_get_object (root), limits, error);
}

/* Reading XML safely */

typedef struct
{
  const CfSbomLimits *limits;
  GError             *error;
  guint               depth;
} XmlRead;

/* libxml2 reports through a global callback; keep the first problem
 * instead of letting it print to stderr. */
static void
xml_structured_error_cb (void        *user_data,
                         xmlErrorPtr  xml_error)
{
  XmlRead *read = user_data;
  g_autofree char *message = NULL;

  if (read->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  /* libxml2 may quote the input after its first line. */
  message = _cf_sbom_quote (xml_error->message);
  read->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                             _("Not valid XML at line %d: %s"), xml_error->line, message);
}

/* Called as soon as <!DOCTYPE is read, before any entity is declared:
 * stopping here means no entity is ever defined, let alone expanded. */
static void
xml_refuse_doctype (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr parser = ctx;
  XmlRead *read = parser->_private;

  if (read->error == NULL)
    read->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                               _("The XML at line %d has a DOCTYPE, which an SBOM must not have "
                                 "(entities are never expanded)"),
                               xmlSAX2GetLineNumber (parser));
  xmlStopParser (parser);
}

/* Counted while parsing, so a deep document is refused before its tree
 * exists. */
static void
xml_start_element (void           *ctx,
                   const xmlChar  *localname,
                   const xmlChar  *prefix,
                   const xmlChar  *uri,
                   int             nb_namespaces,
                   const xmlChar **namespaces,
                   int             nb_attributes,
                   int             nb_defaulted,
                   const xmlChar **attributes)
{
  xmlParserCtxtPtr parser = ctx;
  XmlRead *read = parser->_private;

  if (++read->depth > read->limits->max_depth)
    {
      if (read->error == NULL)
        read->error = g_error_new (CF_ERROR, CF_ERROR_TOO_LARGE,
                                   _("The XML at line %d nests elements more than %u deep, the limit"),
                                   xmlSAX2GetLineNumber (parser), read->limits->max_depth);
      xmlStopParser (parser);
      return;
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
xml_end_element (void          *ctx,
                 const xmlChar *localname,
                 const xmlChar *prefix,
                 const xmlChar *uri)
{
  xmlParserCtxtPtr parser = ctx;
  XmlRead *read = parser->_private;

  if (read->depth > 0)
    read->depth--;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static gsize
xml_text_length (xmlNode *first)
{
  gsize length = 0;

  for (xmlNode *node = first; node != NULL; node = node->next)
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
      length += node->content ? strlen ((const char *) node->content) : 0;

  return length;
}

static xmlNode *
next_in_tree (xmlNode *node,
              xmlNode *root)
{
  if (node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;

  while (node != root && node->next == NULL)
    node = node->parent;

  return node == root ? NULL : node->next;
}

/* The text of an element and each attribute value within max_string. */
static gboolean
check_xml_strings (xmlNode             *root,
                   const CfSbomLimits  *limits,
                   GError             **error)
{
  for (xmlNode *node = root; node != NULL; node = next_in_tree (node, root))
    {
      gboolean too_long;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      too_long = xml_text_length (node->children) > limits->max_string;
      for (xmlAttr *attr = node->properties; attr != NULL && !too_long; attr = attr->next)
        too_long = xml_text_length (attr->children) > limits->max_string;

      if (too_long)
        {
          g_autofree char *name = _cf_sbom_quote ((const char *) node->name);

          g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                       _("The text or an attribute of <%s> at line %ld is longer than %zu bytes, "
                         "the limit"),
                       name, xmlGetLineNo (node), limits->max_string);
          return FALSE;
        }
    }

  return TRUE;
}

static xmlDoc *
parse_xml (const char          *data,
           gsize                size,
           const CfSbomLimits  *limits,
           GError             **error)
{
  XmlRead read = { limits, NULL, 0 };
  xmlParserCtxtPtr parser;
  xmlDoc *doc;

  if (size > G_MAXINT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE, _("The XML is too large to be read"));
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("Could not start reading the XML"));
      return NULL;
    }
  parser->_private = &read;
  parser->sax->internalSubset = xml_refuse_doctype;
  parser->sax->startElementNs = xml_start_element;
  parser->sax->endElementNs = xml_end_element;

  /* No network, no DTD loading, no entity substitution (XML_PARSE_NOENT is
   * not set), no XML_PARSE_HUGE; line numbers beyond 65535 kept. */
  xmlSetStructuredErrorFunc (&read, xml_structured_error_cb);
  doc = xmlCtxtReadMemory (parser, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);

  if (read.error == NULL && doc == NULL)
    read.error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("Not valid XML"));

  /* The SAX hook stops any DOCTYPE; this is the belt to those braces. */
  if (read.error == NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    read.error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                              _("The XML has a DOCTYPE, which an SBOM must not have "
                                "(entities are never expanded)"));

  if (read.error == NULL && xmlDocGetRootElement (doc) == NULL)
    read.error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("The XML has no root element"));

  if (read.error == NULL)
    check_xml_strings (xmlDocGetRootElement (doc), limits, &read.error);

  if (read.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, read.error);
      return NULL;
    }

  return doc;
}

gboolean
_cf_sbom_cyclonedx_version_is_supported (const char *version)
{
  static const char * const supported[] = { "1.2", "1.3", "1.4", "1.5", "1.6", NULL };

  return version != NULL && g_strv_contains (supported, version);
}

static CfSbom *
read_xml (const char          *data,
          gsize                size,
          const CfSbomLimits  *limits,
          GError             **error)
{
  xmlDoc *doc = parse_xml (data, size, limits, error);
  xmlNode *root;
  const char *ns;
  CfSbom *sbom = NULL;

  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  ns = root->ns != NULL ? (const char *) root->ns->href : "";

  if (xmlStrcmp (root->name, (const xmlChar *) "bom") == 0 &&
      g_str_has_prefix (ns, CYCLONEDX_NS_PREFIX))
    sbom = _cf_sbom_cyclonedx_read_xml (doc, ns + strlen (CYCLONEDX_NS_PREFIX), limits, error);
  else if (g_str_equal (ns, RDF_NS))
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("SPDX RDF/XML is not read. Conformity reads CycloneDX 1.2 to 1.6 (JSON or XML), "
                   "SPDX 2.2 and 2.3 (JSON) and SPDX 3.0 (JSON-LD)."));
  else
    set_not_an_sbom_error (error);

  xmlFreeDoc (doc);
  return sbom;
}

/* Detection */

static gboolean
has_line_starting (const char *data,
                   gsize       size,
                   const char *prefix)
{
  gsize length = strlen (prefix);
  gsize limit = MIN (size, 64 * 1024);

  for (gsize i = 0; i + length <= limit; i++)
    if ((i == 0 || data[i - 1] == '\n') && strncmp (data + i, prefix, length) == 0)
      return TRUE;

  return FALSE;
}

static void
refuse_unknown (const char  *data,
                gsize        size,
                GError     **error)
{
  if (has_line_starting (data, size, "SPDXVersion:"))
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("SPDX tag-value files are not read. Conformity reads CycloneDX 1.2 to 1.6 "
                   "(JSON or XML), SPDX 2.2 and 2.3 (JSON) and SPDX 3.0 (JSON-LD)."));
  else if (has_line_starting (data, size, "spdxVersion:"))
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("SPDX YAML files are not read. Conformity reads CycloneDX 1.2 to 1.6 "
                   "(JSON or XML), SPDX 2.2 and 2.3 (JSON) and SPDX 3.0 (JSON-LD)."));
  else
    set_not_an_sbom_error (error);
}

/**
 * cf_sbom_parse:
 *
 * Recognises the format from the first character after a UTF-8 byte order
 * mark and white space: '<' is XML, '{' is JSON; the document itself then
 * says which SBOM format and version it is.
 *
 * Returns: (transfer full): the SBOM, or %NULL with @error set
 */
static CfSbom *
parse (GBytes              *data,
       const CfSbomLimits  *limits,
       gboolean             stream,
       GError             **error)
{
  CfSbomLimits defaults;
  const char *bytes;
  gsize size, bom = 0, start;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      cf_sbom_limits_init_default (&defaults);
      limits = &defaults;
    }

  bytes = g_bytes_get_data (data, &size);
  if (size > limits->max_size)
    {
      g_autofree char *max_text = g_format_size_full (limits->max_size,
                                                      G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                   _("The SBOM is larger than %s, the limit"), max_text);
      return NULL;
    }

  if (size >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;
  for (start = bom; start < size && g_ascii_isspace (bytes[start]); start++)
    ;

  if (start == size)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("The SBOM is empty"));
      return NULL;
    }

  /* libxml2 handles the byte order mark and the encoding declaration
   * itself; json-glib gets the text after the mark, white space included
   * so that line numbers are the file's. */
  if (bytes[start] == '<')
    return read_xml (bytes, size, limits, error);
  if (bytes[start] == '{')
    return read_json (bytes + bom, size - bom, limits, stream, error);

  refuse_unknown (bytes + start, size - start, error);
  return NULL;
}

CfSbom *
cf_sbom_parse (GBytes              *data,
               const CfSbomLimits  *limits,
               GError             **error)
{
  return parse (data, limits, TRUE, error);
}

/* CycloneDX JSON through json-glib's tree, as before the stream reader:
 * what test-sbom-stream compares the stream reader with. */
CfSbom *
_cf_sbom_parse_with_tree (GBytes              *data,
                          const CfSbomLimits  *limits,
                          GError             **error)
{
  return parse (data, limits, FALSE, error);
}

/* Reads at most max_size + 1 bytes: the size queried may be stale, or
 * not a size at all (a pipe, a special file). */
static GBytes *
read_bounded (GFile         *file,
              guint64        expected_size,
              guint64        max_size,
              GCancellable  *cancellable,
              gboolean      *too_large,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 chunk[READ_CHUNK];

  *too_large = FALSE;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* A GByteArray holds at most G_MAXUINT bytes, whatever the limit says. */
  max_size = MIN (max_size, G_MAXUINT - READ_CHUNK);
  buffer = g_byte_array_sized_new ((guint) MIN (expected_size, max_size));

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max_size)
        {
          *too_large = TRUE;
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* @size is 0 when only reading found out. */
static void
set_file_too_large_error (GError     **error,
                          const char  *name,
                          guint64      size,
                          guint64      max_size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
  g_autofree char *max_text = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);

  if (size > 0)
    g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                 _("The SBOM “%s” is %s, larger than %s, the limit"), name, size_text, max_text);
  else
    g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                 _("The SBOM “%s” is larger than %s, the limit"), name, max_text);
}

/**
 * cf_sbom_parse_file:
 *
 * Refuses a file larger than limits->max_size from its size alone, and
 * never reads more than that. I/O errors keep their G_IO_ERROR code (so a
 * cancellation stays G_IO_ERROR_CANCELLED) and name the file; parse errors
 * are prefixed with the file's name.
 *
 * Returns: (transfer full): the SBOM, or %NULL with @error set
 */
CfSbom *
cf_sbom_parse_file (GFile               *file,
                    const CfSbomLimits  *limits,
                    GCancellable        *cancellable,
                    GBytes             **contents,
                    GError             **error)
{
  CfSbomLimits defaults;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean too_large = FALSE;
  CfSbom *sbom;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      cf_sbom_limits_init_default (&defaults);
      limits = &defaults;
    }

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read the SBOM “%s”: "), name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > limits->max_size)
    {
      set_file_too_large_error (error, name, (guint64) g_file_info_get_size (info),
                                limits->max_size);
      return NULL;
    }

  bytes = read_bounded (file, (guint64) g_file_info_get_size (info), limits->max_size,
                        cancellable, &too_large, &local_error);
  if (too_large)
    {
      set_file_too_large_error (error, name, 0, limits->max_size);
      return NULL;
    }
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read the SBOM “%s”: "), name);
      return NULL;
    }

  sbom = cf_sbom_parse (bytes, limits, &local_error);
  if (sbom == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("%s: "), name);
      return NULL;
    }

  if (contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return sbom;
}
