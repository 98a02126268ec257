/* cf-sbom-cyclonedx.c — CycloneDX 1.2 to 1.6, in JSON and in XML
 *
 * Both encodings carry the same model, so both readers fill the same
 * fields the same way; only the walking differs.
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

typedef struct
{
  CfSbom             *sbom;
  const CfSbomLimits *limits;
  const xmlChar      *ns;      /* XML only: the namespace of the document's version */
} Reader;

/* "Jane Doe <jane@example.com>", or whichever of the two there is. */
static char *
format_contact (const char *name,
                const char *email)
{
  g_autofree char *clean_name = _cf_sbom_clean (name);
  g_autofree char *clean_email = _cf_sbom_clean (email);

  if (clean_name != NULL && clean_email != NULL)
    return g_strdup_printf ("%s <%s>", clean_name, clean_email);

  return clean_name != NULL ? g_steal_pointer (&clean_name) : g_steal_pointer (&clean_email);
}

/* "name version"; a tool without a name is not listed. */
static void
add_tool (CfSbomList *tools,
          const char *name,
          const char *version)
{
  g_autofree char *clean_name = _cf_sbom_clean (name);
  g_autofree char *clean_version = _cf_sbom_clean (version);
  g_autofree char *tool = NULL;

  if (clean_name == NULL)
    return;

  tool = clean_version != NULL ? g_strdup_printf ("%s %s", clean_name, clean_version)
                               : g_steal_pointer (&clean_name);
  _cf_sbom_list_add (tools, tool);
}

static gboolean
check_version (const char  *version,
               GError     **error)
{
  g_autofree char *quoted = NULL;

  if (_cf_sbom_cyclonedx_version_is_supported (version))
    return TRUE;

  quoted = _cf_sbom_quote (version);
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("CycloneDX %s is not supported. Conformity reads CycloneDX 1.2 to 1.6."),
               quoted);
  return FALSE;
}

/* JSON */

static char *
json_entity_name (JsonObject *object,
                  const char *member)
{
  return _cf_sbom_json_dup_string (_cf_sbom_json_get_object (object, member), "name");
}

/* An organisation with a way to reach it, which TR-03183-2 asks of the
 * SBOM's creator: "ACME <psirt@acme.example>", a contact's email before
 * a URL. */
static char *
json_entity_contact (JsonObject *object,
                     const char *member)
{
  JsonObject *entity = _cf_sbom_json_get_object (object, member);
  JsonArray *contacts = _cf_sbom_json_get_array (entity, "contact");
  JsonArray *urls = _cf_sbom_json_get_array (entity, "url");
  const char *reach = NULL;

  for (guint i = 0; contacts != NULL && reach == NULL && i < json_array_get_length (contacts); i++)
    {
      JsonNode *node = json_array_get_element (contacts, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        reach = _cf_sbom_json_get_string (json_node_get_object (node), "email");
    }

  for (guint i = 0; urls != NULL && reach == NULL && i < json_array_get_length (urls); i++)
    {
      JsonNode *node = json_array_get_element (urls, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        reach = json_node_get_string (node);
    }

  return format_contact (_cf_sbom_json_get_string (entity, "name"), reach);
}

/* Lenient: tools are metadata, not the shape of the SBOM. */
static void
json_add_tools (CfSbomList *tools,
                JsonArray  *array)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *tool = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      add_tool (tools, _cf_sbom_json_get_string (tool, "name"),
                _cf_sbom_json_get_string (tool, "version"));
    }
}

static void
json_read_metadata (Reader     *reader,
                    JsonObject *metadata)
{
  CfSbom *sbom = reader->sbom;
  g_auto(CfSbomList) creators = { NULL, NULL };
  g_auto(CfSbomList) tools = { NULL, NULL };
  JsonArray *authors = _cf_sbom_json_get_array (metadata, "authors");
  JsonObject *tools_object = _cf_sbom_json_get_object (metadata, "tools");
  JsonObject *subject = _cf_sbom_json_get_object (metadata, "component");
  g_autofree char *manufacture = json_entity_contact (metadata, "manufacture");
  g_autofree char *manufacturer = json_entity_contact (metadata, "manufacturer");
  g_autofree char *supplier = json_entity_contact (metadata, "supplier");

  sbom->timestamp = _cf_sbom_json_dup_string (metadata, "timestamp");

  for (guint i = 0; authors != NULL && i < json_array_get_length (authors); i++)
    {
      JsonNode *node = json_array_get_element (authors, i);
      JsonObject *author = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *contact = format_contact (_cf_sbom_json_get_string (author, "name"),
                                                 _cf_sbom_json_get_string (author, "email"));

      _cf_sbom_list_add (&creators, contact);
    }
  _cf_sbom_list_add (&creators, manufacture);
  _cf_sbom_list_add (&creators, manufacturer);
  _cf_sbom_list_add (&creators, supplier);
  sbom->creator = _cf_sbom_list_join (&creators, "; ");

  /* 1.2–1.4: an array of tools; 1.5 and later: components and services. */
  json_add_tools (&tools, _cf_sbom_json_get_array (metadata, "tools"));
  json_add_tools (&tools, _cf_sbom_json_get_array (tools_object, "components"));
  json_add_tools (&tools, _cf_sbom_json_get_array (tools_object, "services"));
  sbom->tools = _cf_sbom_list_join (&tools, "; ");

  sbom->subject_ref = _cf_sbom_json_dup_string (subject, "bom-ref");
  sbom->subject_name = _cf_sbom_json_dup_string (subject, "name");
  sbom->subject_version = _cf_sbom_json_dup_string (subject, "version");
}

static gboolean
json_read_licences (CfSbomComponent  *component,
                    JsonObject       *object,
                    const char       *path,
                    GError          **error)
{
  g_auto(CfSbomList) licences = { NULL, NULL };
  g_autofree char *array_path = NULL;
  JsonArray *array;

  if (!_cf_sbom_json_require_array (object, "licenses", path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  array_path = _cf_sbom_json_path (path, "licenses", 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = _cf_sbom_json_element_object (array, i, array_path, error);
      JsonObject *licence;
      g_autofree char *id = NULL;

      if (entry == NULL)
        return FALSE;

      licence = _cf_sbom_json_get_object (entry, "license");
      id = _cf_sbom_json_dup_string (licence, "id");
      if (licence != NULL)
        _cf_sbom_list_add (&licences, id ? id : _cf_sbom_json_get_string (licence, "name"));
      else
        _cf_sbom_list_add (&licences, _cf_sbom_json_get_string (entry, "expression"));
    }

  component->licences = _cf_sbom_list_join_licences (&licences);
  return TRUE;
}

static gboolean
json_read_hashes (CfSbomComponent  *component,
                  JsonObject       *object,
                  const char       *path,
                  GError          **error)
{
  g_autofree char *array_path = NULL;
  JsonArray *array;

  if (!_cf_sbom_json_require_array (object, "hashes", path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  array_path = _cf_sbom_json_path (path, "hashes", 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *hash = _cf_sbom_json_element_object (array, i, array_path, error);

      if (hash == NULL)
        return FALSE;
      _cf_sbom_component_add_hash (component, _cf_sbom_json_get_string (hash, "alg"),
                                   _cf_sbom_json_get_string (hash, "content"));
    }

  return TRUE;
}

static char *
json_find_download (JsonObject *object)
{
  JsonArray *references = _cf_sbom_json_get_array (object, "externalReferences");

  for (guint i = 0; references != NULL && i < json_array_get_length (references); i++)
    {
      JsonNode *node = json_array_get_element (references, i);
      JsonObject *reference = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *url = NULL;

      if (g_strcmp0 (_cf_sbom_json_get_string (reference, "type"), "distribution") != 0)
        continue;
      url = _cf_sbom_json_dup_string (reference, "url");
      if (url != NULL)
        return g_steal_pointer (&url);
    }

  return NULL;
}

/* author (a string), 1.6 authors[].name; the manufacturer when neither. */
static char *
json_find_author (JsonObject *object)
{
  g_auto(CfSbomList) authors = { NULL, NULL };
  JsonArray *array = _cf_sbom_json_get_array (object, "authors");
  g_autofree char *manufacturer = NULL;

  _cf_sbom_list_add (&authors, _cf_sbom_json_get_string (object, "author"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        _cf_sbom_list_add (&authors, _cf_sbom_json_get_string (json_node_get_object (node), "name"));
    }

  if (authors.items != NULL)
    return _cf_sbom_list_join (&authors, "; ");

  manufacturer = json_entity_name (object, "manufacturer");
  return g_steal_pointer (&manufacturer);
}

static gboolean json_read_components (Reader      *reader,
                                      JsonObject  *parent,
                                      const char  *path,
                                      GError     **error);

static gboolean
json_read_component (Reader      *reader,
                     JsonObject  *object,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(CfSbomComponent) component = NULL;
  const char *name = _cf_sbom_json_require_string (object, "name", path, error);

  if (name == NULL)
    return FALSE;

  component = cf_sbom_component_new ();
  component->name = _cf_sbom_clean (name);
  component->ref = _cf_sbom_json_dup_string (object, "bom-ref");
  component->version = _cf_sbom_json_dup_string (object, "version");
  component->type = _cf_sbom_json_dup_string (object, "type");
  component->supplier = json_entity_name (object, "supplier");
  component->author = json_find_author (object);
  component->purl = _cf_sbom_json_dup_string (object, "purl");
  component->cpe = _cf_sbom_json_dup_string (object, "cpe");
  component->download = json_find_download (object);

  if (!json_read_licences (component, object, path, error) ||
      !json_read_hashes (component, object, path, error))
    return FALSE;

  /* The parent first, then what it is made of. */
  if (!_cf_sbom_add_component (reader->sbom, g_steal_pointer (&component), reader->limits, error))
    return FALSE;

  return json_read_components (reader, object, path, error);
}

/* The nesting is bounded: cf_sbom_parse() checked the depth. */
static gboolean
json_read_components (Reader      *reader,
                      JsonObject  *parent,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *array_path = NULL;
  JsonArray *array;

  if (!_cf_sbom_json_require_array (parent, "components", path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  array_path = _cf_sbom_json_path (path, "components", 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = _cf_sbom_json_path (array_path, NULL, (gint) i);
      JsonObject *object = _cf_sbom_json_element_object (array, i, array_path, error);

      if (object == NULL || !json_read_component (reader, object, item_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
json_read_dependency (CfSbomGraph  *graph,
                      JsonObject   *entry,
                      const char   *path,
                      GError      **error)
{
  g_autofree char *targets_path = NULL;
  CfSbomComponent *component;
  JsonArray *targets;
  const char *ref;

  ref = _cf_sbom_json_require_string (entry, "ref", path, error);
  if (ref == NULL || !_cf_sbom_json_require_array (entry, "dependsOn", path, &targets, error))
    return FALSE;

  /* The product's own entry, or one for a ref no component has: not ours
   * to record. */
  component = _cf_sbom_graph_lookup (graph, ref);
  if (component != NULL)
    component->dependencies_known = TRUE;

  targets_path = _cf_sbom_json_path (path, "dependsOn", 0);
  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      const char *target = _cf_sbom_json_element_string (targets, i, targets_path, error);

      if (target == NULL)
        return FALSE;
      if (component != NULL)
        _cf_sbom_graph_add (graph, component, target);
    }

  return TRUE;
}

static gboolean
json_read_dependencies (Reader      *reader,
                        JsonObject  *root,
                        GError     **error)
{
  g_auto(CfSbomGraph) graph = { NULL, NULL };
  JsonArray *array;

  if (!_cf_sbom_json_require_array (root, "dependencies", "$", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  _cf_sbom_graph_init (&graph, reader->sbom);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _cf_sbom_json_path ("$.dependencies", NULL, (gint) i);
      JsonObject *entry = _cf_sbom_json_element_object (array, i, "$.dependencies", error);

      if (entry == NULL || !json_read_dependency (&graph, entry, path, error))
        return FALSE;
    }

  return TRUE;
}

CfSbom *
_cf_sbom_cyclonedx_read_json (JsonObject          *root,
                              const CfSbomLimits  *limits,
                              GError             **error)
{
  g_autoptr(CfSbom) sbom = NULL;
  Reader reader = { NULL, limits, NULL };
  JsonObject *metadata = _cf_sbom_json_get_object (root, "metadata");
  JsonObject *subject = _cf_sbom_json_get_object (metadata, "component");
  const char *version = _cf_sbom_json_require_string (root, "specVersion", "$", error);

  if (version == NULL || !check_version (version, error))
    return NULL;

  sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  reader.sbom = sbom;
  sbom->spec_version = g_strdup (version);
  sbom->serial = _cf_sbom_json_dup_string (root, "serialNumber");
  json_read_metadata (&reader, metadata);

  /* The product's own parts come first, then the rest. */
  if (subject != NULL && !json_read_components (&reader, subject, "$.metadata.component", error))
    return NULL;
  if (!json_read_components (&reader, root, "$", error) ||
      !json_read_dependencies (&reader, root, error))
    return NULL;

  return g_steal_pointer (&sbom);
}

/* XML */

static gboolean
is_element (Reader     *reader,
            xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, reader->ns) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
first_child (Reader     *reader,
             xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (is_element (reader, child, name))
      return child;

  return NULL;
}

/* The element's own text; parse_xml() turned CDATA into text and checked
 * the length. */
static char *
node_text (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE && child->content != NULL)
      g_string_append (text, (const char *) child->content);

  return _cf_sbom_clean (text->str);
}

static char *
child_text (Reader     *reader,
            xmlNode    *node,
            const char *name)
{
  return node_text (first_child (reader, node, name));
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *clean = _cf_sbom_clean ((const char *) value);

  xmlFree (value);
  return clean;
}

static void
xml_add_tool (Reader     *reader,
              CfSbomList *tools,
              xmlNode    *tool)
{
  g_autofree char *name = child_text (reader, tool, "name");
  g_autofree char *version = child_text (reader, tool, "version");

  add_tool (tools, name, version);
}

/* <tool> (1.2–1.4) or <components>/<services> (1.5 and later). */
static char *
xml_read_tools (Reader  *reader,
                xmlNode *tools)
{
  g_auto(CfSbomList) list = { NULL, NULL };

  for (xmlNode *child = tools ? tools->children : NULL; child != NULL; child = child->next)
    {
      if (is_element (reader, child, "tool"))
        xml_add_tool (reader, &list, child);
      else if (is_element (reader, child, "components") || is_element (reader, child, "services"))
        for (xmlNode *tool = child->children; tool != NULL; tool = tool->next)
          if (is_element (reader, tool, "component") || is_element (reader, tool, "service"))
            xml_add_tool (reader, &list, tool);
    }

  return _cf_sbom_list_join (&list, "; ");
}

/* As json_entity_contact(). */
static void
xml_add_entity (Reader     *reader,
                CfSbomList *list,
                xmlNode    *metadata,
                const char *element)
{
  xmlNode *entity = first_child (reader, metadata, element);
  g_autofree char *name = child_text (reader, entity, "name");
  g_autofree char *reach = NULL;
  g_autofree char *contact = NULL;

  for (xmlNode *child = entity ? entity->children : NULL; child != NULL && reach == NULL;
       child = child->next)
    if (is_element (reader, child, "contact"))
      reach = child_text (reader, child, "email");
  if (reach == NULL)
    reach = child_text (reader, entity, "url");

  contact = format_contact (name, reach);
  _cf_sbom_list_add (list, contact);
}

static void
xml_read_metadata (Reader  *reader,
                   xmlNode *metadata)
{
  CfSbom *sbom = reader->sbom;
  g_auto(CfSbomList) creators = { NULL, NULL };
  xmlNode *authors = first_child (reader, metadata, "authors");
  xmlNode *subject = first_child (reader, metadata, "component");

  sbom->timestamp = child_text (reader, metadata, "timestamp");

  for (xmlNode *author = authors ? authors->children : NULL; author != NULL; author = author->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *contact = NULL;

      if (!is_element (reader, author, "author"))
        continue;
      name = child_text (reader, author, "name");
      email = child_text (reader, author, "email");
      contact = format_contact (name, email);
      _cf_sbom_list_add (&creators, contact);
    }
  xml_add_entity (reader, &creators, metadata, "manufacture");
  xml_add_entity (reader, &creators, metadata, "manufacturer");
  xml_add_entity (reader, &creators, metadata, "supplier");
  sbom->creator = _cf_sbom_list_join (&creators, "; ");

  sbom->tools = xml_read_tools (reader, first_child (reader, metadata, "tools"));

  if (subject != NULL)
    {
      sbom->subject_ref = attribute (subject, "bom-ref");
      sbom->subject_name = child_text (reader, subject, "name");
      sbom->subject_version = child_text (reader, subject, "version");
    }
}

static char *
xml_find_licences (Reader  *reader,
                   xmlNode *node)
{
  g_auto(CfSbomList) licences = { NULL, NULL };
  xmlNode *list = first_child (reader, node, "licenses");

  for (xmlNode *child = list ? list->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (is_element (reader, child, "license"))
        {
          text = child_text (reader, child, "id");
          if (text == NULL)
            text = child_text (reader, child, "name");
        }
      else if (is_element (reader, child, "expression"))
        text = node_text (child);

      _cf_sbom_list_add (&licences, text);
    }

  return _cf_sbom_list_join_licences (&licences);
}

static void
xml_read_hashes (Reader          *reader,
                 CfSbomComponent *component,
                 xmlNode         *node)
{
  xmlNode *list = first_child (reader, node, "hashes");

  for (xmlNode *child = list ? list->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *algorithm = NULL;
      g_autofree char *value = NULL;

      if (!is_element (reader, child, "hash"))
        continue;
      algorithm = attribute (child, "alg");
      value = node_text (child);
      _cf_sbom_component_add_hash (component, algorithm, value);
    }
}

static char *
xml_find_download (Reader  *reader,
                   xmlNode *node)
{
  xmlNode *list = first_child (reader, node, "externalReferences");

  for (xmlNode *child = list ? list->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *url = NULL;

      if (!is_element (reader, child, "reference"))
        continue;
      type = attribute (child, "type");
      url = child_text (reader, child, "url");
      if (g_strcmp0 (type, "distribution") == 0 && url != NULL)
        return g_steal_pointer (&url);
    }

  return NULL;
}

static char *
xml_find_author (Reader  *reader,
                 xmlNode *node)
{
  g_auto(CfSbomList) list = { NULL, NULL };
  g_autofree char *author = child_text (reader, node, "author");
  xmlNode *authors = first_child (reader, node, "authors");

  _cf_sbom_list_add (&list, author);
  for (xmlNode *child = authors ? authors->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *name = is_element (reader, child, "author")
                              ? child_text (reader, child, "name") : NULL;

      _cf_sbom_list_add (&list, name);
    }

  if (list.items != NULL)
    return _cf_sbom_list_join (&list, "; ");

  return child_text (reader, first_child (reader, node, "manufacturer"), "name");
}

static gboolean xml_read_components (Reader   *reader,
                                     xmlNode  *list,
                                     GError  **error);

static gboolean
xml_read_component (Reader   *reader,
                    xmlNode  *node,
                    GError  **error)
{
  g_autoptr(CfSbomComponent) component = NULL;
  g_autofree char *name = child_text (reader, node, "name");

  if (name == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("The <component> at line %ld has no <name>"), xmlGetLineNo (node));
      return FALSE;
    }

  component = cf_sbom_component_new ();
  component->name = g_steal_pointer (&name);
  component->ref = attribute (node, "bom-ref");
  component->type = attribute (node, "type");
  component->version = child_text (reader, node, "version");
  component->supplier = child_text (reader, first_child (reader, node, "supplier"), "name");
  component->author = xml_find_author (reader, node);
  component->purl = child_text (reader, node, "purl");
  component->cpe = child_text (reader, node, "cpe");
  component->licences = xml_find_licences (reader, node);
  component->download = xml_find_download (reader, node);
  xml_read_hashes (reader, component, node);

  if (!_cf_sbom_add_component (reader->sbom, g_steal_pointer (&component), reader->limits, error))
    return FALSE;

  return xml_read_components (reader, first_child (reader, node, "components"), error);
}

/* The nesting is bounded: parse_xml() checked the depth. */
static gboolean
xml_read_components (Reader   *reader,
                     xmlNode  *list,
                     GError  **error)
{
  for (xmlNode *child = list ? list->children : NULL; child != NULL; child = child->next)
    if (is_element (reader, child, "component") && !xml_read_component (reader, child, error))
      return FALSE;

  return TRUE;
}

static char *
xml_require_ref (xmlNode  *node,
                 GError  **error)
{
  char *ref = attribute (node, "ref");

  if (ref == NULL)
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("The <dependency> at line %ld has no ref"), xmlGetLineNo (node));

  return ref;
}

static gboolean
xml_read_dependencies (Reader   *reader,
                       xmlNode  *list,
                       GError  **error)
{
  g_auto(CfSbomGraph) graph = { NULL, NULL };

  if (list == NULL)
    return TRUE;

  _cf_sbom_graph_init (&graph, reader->sbom);
  for (xmlNode *entry = list->children; entry != NULL; entry = entry->next)
    {
      g_autofree char *ref = NULL;
      CfSbomComponent *component;

      if (!is_element (reader, entry, "dependency"))
        continue;
      ref = xml_require_ref (entry, error);
      if (ref == NULL)
        return FALSE;

      component = _cf_sbom_graph_lookup (&graph, ref);
      if (component != NULL)
        component->dependencies_known = TRUE;

      for (xmlNode *child = entry->children; child != NULL; child = child->next)
        {
          g_autofree char *target = NULL;

          if (!is_element (reader, child, "dependency"))
            continue;
          target = xml_require_ref (child, error);
          if (target == NULL)
            return FALSE;
          if (component != NULL)
            _cf_sbom_graph_add (&graph, component, target);
        }
    }

  return TRUE;
}

CfSbom *
_cf_sbom_cyclonedx_read_xml (xmlDoc              *doc,
                             const char          *spec_version,
                             const CfSbomLimits  *limits,
                             GError             **error)
{
  g_autoptr(CfSbom) sbom = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);
  Reader reader = { NULL, limits, root->ns->href };
  xmlNode *metadata = first_child (&reader, root, "metadata");

  if (!check_version (spec_version, error))
    return NULL;

  sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_XML);
  reader.sbom = sbom;
  sbom->spec_version = g_strdup (spec_version);
  sbom->serial = attribute (root, "serialNumber");
  xml_read_metadata (&reader, metadata);

  if (!xml_read_components (&reader, first_child (&reader, first_child (&reader, metadata, "component"),
                                                  "components"), error) ||
      !xml_read_components (&reader, first_child (&reader, root, "components"), error) ||
      !xml_read_dependencies (&reader, first_child (&reader, root, "dependencies"), error))
    return NULL;

  return g_steal_pointer (&sbom);
}
