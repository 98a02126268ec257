/* cf-sbom-spdx.c — SPDX 2.2 and 2.3 in JSON, SPDX 3.0 in JSON-LD
 *
 * Packages are the components; files and snippets are not. The package
 * the document describes is the subject, when it describes exactly one:
 * with several, none of them is "the product", so all stay components and
 * there is no subject.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-sbom-private.h"

#define SPDX_LICENCES_PREFIX "https://spdx.org/licenses/"

/* Shared */

/* NOASSERTION and NONE say there is nothing to record. */
static gboolean
is_no_value (const char *text)
{
  return g_strcmp0 (text, "NOASSERTION") == 0 || g_strcmp0 (text, "NONE") == 0;
}

static char *
clean_value (const char *text)
{
  char *clean = _cf_sbom_clean (text);

  if (is_no_value (clean))
    g_clear_pointer (&clean, g_free);

  return clean;
}

/* SPDX 2 "OPERATING_SYSTEM" and SPDX 3 "operatingSystem" are CycloneDX's
 * "operating-system". */
static char *
purpose_to_type (const char *purpose)
{
  g_autofree char *clean = clean_value (purpose);
  g_autoptr(GString) type = NULL;

  if (clean == NULL)
    return NULL;

  type = g_string_new (NULL);
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '_' || *p == ' ')
        g_string_append_c (type, '-');
      else if (g_ascii_isupper (*p) && p > clean && g_ascii_islower (p[-1]))
        g_string_append_printf (type, "-%c", g_ascii_tolower (*p));
      else
        g_string_append_c (type, g_ascii_tolower (*p));
    }

  return g_string_free (g_steal_pointer (&type), FALSE);
}

/* Whose id names exactly one package: the subject. */
static const char *
single_subject (CfSbomList *described)
{
  return described->items != NULL && described->items->len == 1
         ? g_ptr_array_index (described->items, 0) : NULL;
}

/* A relationship to a file or snippet is not one between components. */
static void
add_dependency (CfSbomGraph     *graph,
                GHashTable      *not_components,
                CfSbomComponent *from,
                const char      *to)
{
  if (g_strcmp0 (to, "NOASSERTION") == 0 || g_hash_table_contains (not_components, to))
    return;

  /* "X DEPENDS_ON NONE": known to have none. */
  if (g_strcmp0 (to, "NONE") == 0)
    from->dependencies_known = TRUE;
  else
    _cf_sbom_graph_add (graph, from, to);
}

/* SPDX 2 */

typedef struct
{
  CfSbom             *sbom;
  const CfSbomLimits *limits;
  GHashTable         *not_components;  /* SPDXIDs of files and snippets */
} Reader2;

typedef struct
{
  const char *from;
  const char *type;
  const char *to;
} Relationship2;

/* "Organization: ACME" → "ACME"; NOASSERTION → NULL. */
static char *
strip_actor (const char *actor)
{
  static const char * const prefixes[] = { "Organization:", "Person:", "Tool:" };
  g_autofree char *clean = clean_value (actor);

  for (guint i = 0; clean != NULL && i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (clean, prefixes[i]))
      return clean_value (clean + strlen (prefixes[i]));

  return g_steal_pointer (&clean);
}

static void
read_creation_info (CfSbom     *sbom,
                    JsonObject *info)
{
  g_auto(CfSbomList) creators = { NULL, NULL };
  g_auto(CfSbomList) tools = { NULL, NULL };
  JsonArray *array = _cf_sbom_json_get_array (info, "creators");

  sbom->timestamp = _cf_sbom_json_dup_string (info, "created");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *creator;
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      creator = json_node_get_string (node);
      name = strip_actor (creator);
      _cf_sbom_list_add (g_str_has_prefix (creator, "Tool:") ? &tools : &creators, name);
    }

  sbom->creator = _cf_sbom_list_join (&creators, "; ");
  sbom->tools = _cf_sbom_list_join (&tools, "; ");
}

static gboolean
read_checksums (CfSbomComponent  *component,
                JsonObject       *object,
                const char       *path,
                GError          **error)
{
  g_autofree char *array_path = NULL;
  JsonArray *array;

  if (!_cf_sbom_json_require_array (object, "checksums", path, &array, error))
    return FALSE;

  array_path = _cf_sbom_json_path (path, "checksums", 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *checksum = _cf_sbom_json_element_object (array, i, array_path, error);

      if (checksum == NULL)
        return FALSE;
      _cf_sbom_component_add_hash (component, _cf_sbom_json_get_string (checksum, "algorithm"),
                                   _cf_sbom_json_get_string (checksum, "checksumValue"));
    }

  return TRUE;
}

/* purl, then CPE 2.3 before CPE 2.2. */
static void
read_external_refs (CfSbomComponent *component,
                    JsonObject      *object)
{
  JsonArray *array = _cf_sbom_json_get_array (object, "externalRefs");
  g_autofree char *cpe22 = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *ref = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = _cf_sbom_json_get_string (ref, "referenceType");
      const char *locator = _cf_sbom_json_get_string (ref, "referenceLocator");

      if (g_strcmp0 (type, "purl") == 0 && component->purl == NULL)
        component->purl = _cf_sbom_clean (locator);
      else if (g_strcmp0 (type, "cpe23Type") == 0 && component->cpe == NULL)
        component->cpe = _cf_sbom_clean (locator);
      else if (g_strcmp0 (type, "cpe22Type") == 0 && cpe22 == NULL)
        cpe22 = _cf_sbom_clean (locator);
    }

  if (component->cpe == NULL)
    component->cpe = g_steal_pointer (&cpe22);
}

static CfSbomComponent *
read_package (JsonObject  *object,
              const char  *path,
              GError     **error)
{
  g_autoptr(CfSbomComponent) component = NULL;
  const char *name = _cf_sbom_json_require_string (object, "name", path, error);
  g_autofree char *concluded = NULL;

  if (name == NULL)
    return NULL;

  component = cf_sbom_component_new ();
  component->name = _cf_sbom_clean (name);
  component->ref = _cf_sbom_json_dup_string (object, "SPDXID");
  component->version = clean_value (_cf_sbom_json_get_string (object, "versionInfo"));
  component->type = purpose_to_type (_cf_sbom_json_get_string (object, "primaryPackagePurpose"));
  component->supplier = strip_actor (_cf_sbom_json_get_string (object, "supplier"));
  component->author = strip_actor (_cf_sbom_json_get_string (object, "originator"));
  component->filename = _cf_sbom_json_dup_string (object, "packageFileName");
  component->download = clean_value (_cf_sbom_json_get_string (object, "downloadLocation"));

  concluded = clean_value (_cf_sbom_json_get_string (object, "licenseConcluded"));
  component->licences = concluded != NULL
    ? g_steal_pointer (&concluded)
    : clean_value (_cf_sbom_json_get_string (object, "licenseDeclared"));

  read_external_refs (component, object);
  if (!read_checksums (component, object, path, error))
    return NULL;

  return g_steal_pointer (&component);
}

static gboolean
collect_relationships (JsonObject  *root,
                       GArray      *relationships,
                       GError     **error)
{
  JsonArray *array;

  if (!_cf_sbom_json_require_array (root, "relationships", "$", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _cf_sbom_json_path ("$.relationships", NULL, (gint) i);
      JsonObject *entry = _cf_sbom_json_element_object (array, i, "$.relationships", error);
      Relationship2 relationship = { NULL, NULL, NULL };

      if (entry == NULL ||
          (relationship.from = _cf_sbom_json_require_string (entry, "spdxElementId", path, error)) == NULL ||
          (relationship.type = _cf_sbom_json_require_string (entry, "relationshipType", path, error)) == NULL ||
          (relationship.to = _cf_sbom_json_require_string (entry, "relatedSpdxElement", path, error)) == NULL)
        return FALSE;

      g_array_append_val (relationships, relationship);
    }

  return TRUE;
}

/* documentDescribes, DESCRIBES from the document, DESCRIBED_BY to it. */
static void
collect_described (JsonObject *root,
                   GArray     *relationships,
                   CfSbomList *described)
{
  const char *document = _cf_sbom_json_get_string (root, "SPDXID");
  JsonArray *array = _cf_sbom_json_get_array (root, "documentDescribes");

  if (document == NULL)
    document = "SPDXRef-DOCUMENT";

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        _cf_sbom_list_add (described, json_node_get_string (node));
    }

  for (guint i = 0; i < relationships->len; i++)
    {
      Relationship2 *r = &g_array_index (relationships, Relationship2, i);

      if (g_str_equal (r->type, "DESCRIBES") && g_str_equal (r->from, document))
        _cf_sbom_list_add (described, r->to);
      else if (g_str_equal (r->type, "DESCRIBED_BY") && g_str_equal (r->to, document))
        _cf_sbom_list_add (described, r->from);
    }
}

static void
collect_non_components (JsonObject *root,
                        const char *member,
                        GHashTable *ids)
{
  JsonArray *array = _cf_sbom_json_get_array (root, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      id = _cf_sbom_json_get_string (json_node_get_object (node), "SPDXID");
      if (id != NULL)
        g_hash_table_add (ids, (gpointer) id);
    }
}

static gboolean
read_packages (Reader2     *reader,
               JsonObject  *root,
               const char  *subject,
               GError     **error)
{
  CfSbom *sbom = reader->sbom;
  JsonArray *array;

  if (!_cf_sbom_json_require_array (root, "packages", "$", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _cf_sbom_json_path ("$.packages", NULL, (gint) i);
      JsonObject *object = _cf_sbom_json_element_object (array, i, "$.packages", error);
      CfSbomComponent *component = object ? read_package (object, path, error) : NULL;

      if (component == NULL)
        return FALSE;

      if (subject != NULL && sbom->subject_name == NULL && g_strcmp0 (component->ref, subject) == 0)
        {
          sbom->subject_ref = g_steal_pointer (&component->ref);
          sbom->subject_name = g_steal_pointer (&component->name);
          sbom->subject_version = g_steal_pointer (&component->version);
          cf_sbom_component_free (component);
        }
      else if (!_cf_sbom_add_component (sbom, component, reader->limits, error))
        return FALSE;
    }

  return TRUE;
}

static void
read_relationships (Reader2 *reader,
                    GArray  *relationships)
{
  g_auto(CfSbomGraph) graph = { NULL, NULL };

  _cf_sbom_graph_init (&graph, reader->sbom);
  for (guint i = 0; i < relationships->len; i++)
    {
      Relationship2 *r = &g_array_index (relationships, Relationship2, i);
      gboolean forward = g_str_equal (r->type, "DEPENDS_ON") || g_str_equal (r->type, "CONTAINS");
      CfSbomComponent *component;

      /* DEPENDENCY_OF and its BUILD_, DEV_, TEST_, … kinds, and
       * CONTAINED_BY, point the other way. */
      if (!forward && !g_str_has_suffix (r->type, "DEPENDENCY_OF") &&
          !g_str_equal (r->type, "CONTAINED_BY"))
        continue;

      component = _cf_sbom_graph_lookup (&graph, forward ? r->from : r->to);
      if (component != NULL)
        add_dependency (&graph, reader->not_components, component, forward ? r->to : r->from);
    }
}

CfSbom *
_cf_sbom_spdx_read_json (JsonObject          *root,
                         const CfSbomLimits  *limits,
                         GError             **error)
{
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(GArray) relationships = g_array_new (FALSE, FALSE, sizeof (Relationship2));
  g_autoptr(GHashTable) not_components = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(CfSbomList) described = { NULL, NULL };
  Reader2 reader = { NULL, limits, not_components };
  const char *version = _cf_sbom_json_require_string (root, "spdxVersion", "$", error);

  if (version == NULL)
    return NULL;
  if (!g_str_equal (version, "SPDX-2.2") && !g_str_equal (version, "SPDX-2.3"))
    {
      g_autofree char *quoted = _cf_sbom_quote (version);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("SPDX version “%s” is not supported. Conformity reads SPDX 2.2 and 2.3 "
                     "(JSON) and SPDX 3.0 (JSON-LD)."), quoted);
      return NULL;
    }

  sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  reader.sbom = sbom;
  sbom->spec_version = g_strdup (version + strlen ("SPDX-"));
  sbom->name = _cf_sbom_json_dup_string (root, "name");
  sbom->serial = _cf_sbom_json_dup_string (root, "documentNamespace");
  read_creation_info (sbom, _cf_sbom_json_get_object (root, "creationInfo"));

  collect_non_components (root, "files", not_components);
  collect_non_components (root, "snippets", not_components);
  if (!collect_relationships (root, relationships, error))
    return NULL;
  collect_described (root, relationships, &described);

  if (!read_packages (&reader, root, single_subject (&described), error))
    return NULL;
  read_relationships (&reader, relationships);

  return g_steal_pointer (&sbom);
}

/* SPDX 3 */

typedef struct
{
  CfSbom             *sbom;
  const CfSbomLimits *limits;
  JsonArray          *graph;
  GHashTable         *elements;        /* spdxId or @id → JsonObject */
  GHashTable         *not_components;  /* ids of files and snippets */
  GHashTable         *licences;        /* CfSbomComponent* → Licences* */
} Reader3;

typedef struct
{
  CfSbomList concluded;
  CfSbomList declared;
} Licences;

static void
licences_free (gpointer data)
{
  Licences *licences = data;

  _cf_sbom_list_clear (&licences->concluded);
  _cf_sbom_list_clear (&licences->declared);
  g_free (licences);
}

static const char *
element_id (JsonObject *element)
{
  const char *id = _cf_sbom_json_get_string (element, "spdxId");

  return id != NULL ? id : _cf_sbom_json_get_string (element, "@id");
}

static const char *
element_type (JsonObject *element)
{
  const char *type = _cf_sbom_json_get_string (element, "type");

  return type != NULL ? type : _cf_sbom_json_get_string (element, "@type");
}

/* A reference is an id, or the element itself inline. */
static JsonObject *
resolve (Reader3  *reader,
         JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_hash_table_lookup (reader->elements, json_node_get_string (node));

  return NULL;
}

/* The names of the agents or tools @member refers to. */
static void
add_names (Reader3    *reader,
           CfSbomList *names,
           JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL)
    {
      _cf_sbom_list_add (names, _cf_sbom_json_get_string (resolve (reader, node), "name"));
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    _cf_sbom_list_add (names, _cf_sbom_json_get_string (resolve (reader, json_array_get_element (array, i)),
                                                        "name"));
}

static gboolean
index_graph (Reader3     *reader,
             JsonObject  *root,
             GError     **error)
{
  g_autofree char *path = _cf_sbom_json_path ("$", "@graph", 0);

  if (!_cf_sbom_json_require_array (root, "@graph", "$", &reader->graph, error))
    return FALSE;
  if (reader->graph == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is missing"), path);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (reader->graph); i++)
    {
      JsonObject *element = _cf_sbom_json_element_object (reader->graph, i, path, error);
      const char *id, *type;

      if (element == NULL)
        return FALSE;

      id = element_id (element);
      type = element_type (element);
      if (id != NULL && !g_hash_table_contains (reader->elements, id))
        g_hash_table_insert (reader->elements, (gpointer) id, element);
      if (id != NULL && (g_strcmp0 (type, "software_File") == 0 ||
                         g_strcmp0 (type, "software_Snippet") == 0))
        g_hash_table_add (reader->not_components, (gpointer) id);
    }

  return TRUE;
}

static JsonObject *
find_first (Reader3    *reader,
            const char *type)
{
  for (guint i = 0; i < json_array_get_length (reader->graph); i++)
    {
      JsonObject *element = json_array_get_object_element (reader->graph, i);

      if (g_strcmp0 (element_type (element), type) == 0)
        return element;
    }

  return NULL;
}

static gboolean
read_creation_info3 (Reader3     *reader,
                     JsonObject  *document,
                     GError     **error)
{
  CfSbom *sbom = reader->sbom;
  g_auto(CfSbomList) creators = { NULL, NULL };
  g_auto(CfSbomList) tools = { NULL, NULL };
  JsonObject *info = NULL;
  const char *version;

  if (document != NULL)
    info = resolve (reader, json_object_get_member (document, "creationInfo"));
  if (info == NULL)
    info = find_first (reader, "CreationInfo");

  version = _cf_sbom_json_get_string (info, "specVersion");
  if (version != NULL && !g_str_has_prefix (version, "3.0"))
    {
      g_autofree char *quoted = _cf_sbom_quote (version);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("SPDX version “%s” is not supported. Conformity reads SPDX 2.2 and 2.3 "
                     "(JSON) and SPDX 3.0 (JSON-LD)."), quoted);
      return FALSE;
    }

  sbom->spec_version = version != NULL ? _cf_sbom_clean (version) : NULL;
  if (sbom->spec_version == NULL)
    sbom->spec_version = g_strdup ("3.0");
  sbom->timestamp = _cf_sbom_json_dup_string (info, "created");

  add_names (reader, &creators, info, "createdBy");
  add_names (reader, &tools, info, "createdUsing");
  sbom->creator = _cf_sbom_list_join (&creators, "; ");
  sbom->tools = _cf_sbom_list_join (&tools, "; ");

  return TRUE;
}

static gboolean
is_relationship (JsonObject *element)
{
  const char *type = element_type (element);

  return type != NULL && g_str_has_suffix (type, "Relationship");
}

static gboolean
is_bom (JsonObject *element)
{
  const char *type = element_type (element);

  return g_strcmp0 (type, "software_Sbom") == 0 || g_strcmp0 (type, "Bom") == 0;
}

/* rootElement, looking through an Sbom element to its own root, and the
 * targets of "describes" from the document or such an Sbom. */
static void
collect_described3 (Reader3    *reader,
                    JsonObject *document,
                    CfSbomList *described)
{
  JsonArray *roots = _cf_sbom_json_get_array (document, "rootElement");
  g_autoptr(GHashTable) describers = g_hash_table_new (g_str_hash, g_str_equal);

  if (element_id (document) != NULL)
    g_hash_table_add (describers, (gpointer) element_id (document));

  for (guint i = 0; roots != NULL && i < json_array_get_length (roots); i++)
    {
      JsonObject *root = resolve (reader, json_array_get_element (roots, i));
      JsonArray *inner = is_bom (root) ? _cf_sbom_json_get_array (root, "rootElement") : NULL;

      if (root == NULL || element_id (root) == NULL)
        continue;
      if (!is_bom (root))
        _cf_sbom_list_add (described, element_id (root));
      else
        g_hash_table_add (describers, (gpointer) element_id (root));

      for (guint j = 0; inner != NULL && j < json_array_get_length (inner); j++)
        _cf_sbom_list_add (described, element_id (resolve (reader, json_array_get_element (inner, j))));
    }

  for (guint i = 0; i < json_array_get_length (reader->graph); i++)
    {
      JsonObject *element = json_array_get_object_element (reader->graph, i);
      const char *from = _cf_sbom_json_get_string (element, "from");
      JsonArray *to = _cf_sbom_json_get_array (element, "to");

      if (!is_relationship (element) ||
          g_strcmp0 (_cf_sbom_json_get_string (element, "relationshipType"), "describes") != 0 ||
          from == NULL || !g_hash_table_contains (describers, from))
        continue;

      for (guint j = 0; to != NULL && j < json_array_get_length (to); j++)
        _cf_sbom_list_add (described, element_id (resolve (reader, json_array_get_element (to, j))));
    }
}

static void
read_identifiers3 (Reader3         *reader,
                   CfSbomComponent *component,
                   JsonObject      *object)
{
  JsonArray *array = _cf_sbom_json_get_array (object, "externalIdentifier");
  g_autofree char *cpe22 = NULL;

  component->purl = _cf_sbom_json_dup_string (object, "software_packageUrl");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *identifier = resolve (reader, json_array_get_element (array, i));
      const char *type = _cf_sbom_json_get_string (identifier, "externalIdentifierType");
      const char *value = _cf_sbom_json_get_string (identifier, "identifier");

      if (g_strcmp0 (type, "packageUrl") == 0 && component->purl == NULL)
        component->purl = _cf_sbom_clean (value);
      else if (g_strcmp0 (type, "cpe23") == 0 && component->cpe == NULL)
        component->cpe = _cf_sbom_clean (value);
      else if (g_strcmp0 (type, "cpe22") == 0 && cpe22 == NULL)
        cpe22 = _cf_sbom_clean (value);
    }

  if (component->cpe == NULL)
    component->cpe = g_steal_pointer (&cpe22);
}

/* Only Hash entries: a PackageVerificationCode is not a hash of the
 * package. */
static void
read_hashes3 (Reader3         *reader,
              CfSbomComponent *component,
              JsonObject      *object)
{
  JsonArray *array = _cf_sbom_json_get_array (object, "verifiedUsing");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *method = resolve (reader, json_array_get_element (array, i));

      if (g_strcmp0 (element_type (method), "Hash") == 0)
        _cf_sbom_component_add_hash (component, _cf_sbom_json_get_string (method, "algorithm"),
                                     _cf_sbom_json_get_string (method, "hashValue"));
    }
}

static CfSbomComponent *
read_package3 (Reader3     *reader,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  g_autoptr(CfSbomComponent) component = NULL;
  g_auto(CfSbomList) authors = { NULL, NULL };
  g_auto(CfSbomList) suppliers = { NULL, NULL };
  const char *name = _cf_sbom_json_require_string (object, "name", path, error);

  if (name == NULL)
    return NULL;

  component = cf_sbom_component_new ();
  component->name = _cf_sbom_clean (name);
  component->ref = _cf_sbom_clean (element_id (object));
  component->version = clean_value (_cf_sbom_json_get_string (object, "software_packageVersion"));
  component->type = purpose_to_type (_cf_sbom_json_get_string (object, "software_primaryPurpose"));
  component->download = clean_value (_cf_sbom_json_get_string (object, "software_downloadLocation"));

  add_names (reader, &authors, object, "originatedBy");
  add_names (reader, &suppliers, object, "suppliedBy");
  component->author = _cf_sbom_list_join (&authors, "; ");
  component->supplier = _cf_sbom_list_join (&suppliers, "; ");

  read_identifiers3 (reader, component, object);
  read_hashes3 (reader, component, object);

  return g_steal_pointer (&component);
}

static gboolean
read_packages3 (Reader3     *reader,
                const char  *subject,
                GError     **error)
{
  CfSbom *sbom = reader->sbom;
  g_autofree char *graph_path = _cf_sbom_json_path ("$", "@graph", 0);

  for (guint i = 0; i < json_array_get_length (reader->graph); i++)
    {
      JsonObject *object = json_array_get_object_element (reader->graph, i);
      g_autofree char *path = NULL;
      CfSbomComponent *component;

      if (g_strcmp0 (element_type (object), "software_Package") != 0)
        continue;

      path = _cf_sbom_json_path (graph_path, NULL, (gint) i);
      component = read_package3 (reader, object, path, error);
      if (component == NULL)
        return FALSE;

      if (subject != NULL && sbom->subject_name == NULL && g_strcmp0 (component->ref, subject) == 0)
        {
          sbom->subject_ref = g_steal_pointer (&component->ref);
          sbom->subject_name = g_steal_pointer (&component->name);
          sbom->subject_version = g_steal_pointer (&component->version);
          cf_sbom_component_free (component);
        }
      else if (!_cf_sbom_add_component (sbom, component, reader->limits, error))
        return FALSE;
    }

  return TRUE;
}

/* A licence element as an SPDX expression. */
static char *
licence_text (Reader3    *reader,
              const char *id)
{
  JsonObject *element = g_hash_table_lookup (reader->elements, id);
  const char *expression = _cf_sbom_json_get_string (element, "simplelicensing_licenseExpression");

  if (expression != NULL)
    return clean_value (expression);

  /* A listed licence is its identifier, whether the graph has it or not. */
  if (g_str_has_prefix (id, SPDX_LICENCES_PREFIX))
    return clean_value (id + strlen (SPDX_LICENCES_PREFIX));

  if (g_str_has_suffix (id, "/NoAssertionLicense") || g_str_has_suffix (id, "/NoneLicense"))
    return NULL;

  return _cf_sbom_json_dup_string (element, "name");
}

static Licences *
licences_of (Reader3         *reader,
             CfSbomComponent *component)
{
  Licences *licences = g_hash_table_lookup (reader->licences, component);

  if (licences == NULL)
    {
      licences = g_new0 (Licences, 1);
      g_hash_table_insert (reader->licences, component, licences);
    }

  return licences;
}

static gboolean
is_dependency_type (const char *type)
{
  static const char * const types[] = {
    "dependsOn", "contains", "hasOptionalDependency", "hasProvidedDependency", NULL
  };

  return type != NULL && g_strv_contains (types, type);
}

static gboolean
read_relationship3 (Reader3      *reader,
                    CfSbomGraph  *graph,
                    JsonObject   *element,
                    const char   *path,
                    GError      **error)
{
  const char *type = _cf_sbom_json_get_string (element, "relationshipType");
  gboolean concluded = g_strcmp0 (type, "hasConcludedLicense") == 0;
  gboolean declared = g_strcmp0 (type, "hasDeclaredLicense") == 0;
  g_autofree char *to_path = NULL;
  CfSbomComponent *component;
  const char *from;
  JsonArray *to;

  if (!concluded && !declared && !is_dependency_type (type))
    return TRUE;

  from = _cf_sbom_json_require_string (element, "from", path, error);
  if (from == NULL || !_cf_sbom_json_require_array (element, "to", path, &to, error))
    return FALSE;

  component = _cf_sbom_graph_lookup (graph, from);
  if (component == NULL)
    return TRUE;

  /* "complete" with nobody on the other side: known to have none. */
  if (is_dependency_type (type) &&
      g_strcmp0 (_cf_sbom_json_get_string (element, "completeness"), "complete") == 0)
    component->dependencies_known = TRUE;

  to_path = _cf_sbom_json_path (path, "to", 0);
  for (guint i = 0; to != NULL && i < json_array_get_length (to); i++)
    {
      const char *target = _cf_sbom_json_element_string (to, i, to_path, error);
      g_autofree char *licence = NULL;

      if (target == NULL)
        return FALSE;

      if (is_dependency_type (type))
        {
          if (!g_str_has_suffix (target, "/NoAssertionElement"))
            add_dependency (graph, reader->not_components, component,
                            g_str_has_suffix (target, "/NoneElement") ? "NONE" : target);
          continue;
        }

      licence = licence_text (reader, target);
      _cf_sbom_list_add (concluded ? &licences_of (reader, component)->concluded
                                   : &licences_of (reader, component)->declared, licence);
    }

  return TRUE;
}

static gboolean
read_relationships3 (Reader3  *reader,
                     GError  **error)
{
  g_auto(CfSbomGraph) graph = { NULL, NULL };
  g_autofree char *graph_path = _cf_sbom_json_path ("$", "@graph", 0);
  GHashTableIter iter;
  gpointer key, value;

  _cf_sbom_graph_init (&graph, reader->sbom);
  for (guint i = 0; i < json_array_get_length (reader->graph); i++)
    {
      JsonObject *element = json_array_get_object_element (reader->graph, i);
      g_autofree char *path = NULL;

      if (!is_relationship (element))
        continue;
      path = _cf_sbom_json_path (graph_path, NULL, (gint) i);
      if (!read_relationship3 (reader, &graph, element, path, error))
        return FALSE;
    }

  /* Concluded before declared, as for SPDX 2. */
  g_hash_table_iter_init (&iter, reader->licences);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CfSbomComponent *component = key;
      Licences *licences = value;

      component->licences = _cf_sbom_list_join_licences (&licences->concluded);
      if (component->licences == NULL)
        component->licences = _cf_sbom_list_join_licences (&licences->declared);
    }

  return TRUE;
}

CfSbom *
_cf_sbom_spdx3_read_jsonld (JsonObject          *root,
                            const CfSbomLimits  *limits,
                            GError             **error)
{
  g_autoptr(CfSbom) sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX3_JSONLD);
  g_autoptr(GHashTable) elements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) not_components = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) licences = g_hash_table_new_full (NULL, NULL, NULL, licences_free);
  g_auto(CfSbomList) described = { NULL, NULL };
  Reader3 reader = { sbom, limits, NULL, elements, not_components, licences };
  JsonObject *document;

  if (!index_graph (&reader, root, error))
    return NULL;

  document = find_first (&reader, "SpdxDocument");
  if (!read_creation_info3 (&reader, document, error))
    return NULL;

  sbom->serial = _cf_sbom_clean (element_id (document));
  sbom->name = _cf_sbom_json_dup_string (document, "name");

  collect_described3 (&reader, document, &described);
  if (!read_packages3 (&reader, single_subject (&described), error) ||
      !read_relationships3 (&reader, error))
    return NULL;

  return g_steal_pointer (&sbom);
}
