/* cf-catalogue.c — loading the catalogue safely with libxml2
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cf-catalogue.h"
#include "cf-error.h"
#include "cf-field.h"

#define CATALOGUE_NS "https://conformity.github.io/ns/catalogue/1"

/* Far above the real catalogue (~60 KB) and its nesting (3 levels): a file
 * beyond these is not a catalogue, whatever else it is. */
#define MAX_CATALOGUE_BYTES (8 * 1024 * 1024)
#define MAX_ITEM_DEPTH 4

typedef struct
{
  char       *id;
  char       *annex;
  char       *title;
  char       *chapeau;
  GHashTable *titles;         /* language → title; NULL if none */
  GHashTable *chapeaus;       /* language → chapeau; NULL if none */
  GHashTable *attributes;
  GListStore *items;
} Section;

struct _CfCatalogue
{
  GObject     parent_instance;

  char       *regulation;
  char       *eli;
  GPtrArray  *sections;       /* of Section, in document order */
  GStrv       section_ids;
  GHashTable *items_by_id;    /* id → CfCatalogueItem */
};

G_DEFINE_FINAL_TYPE (CfCatalogue, cf_catalogue, G_TYPE_OBJECT)

static const char * const item_kinds[] = {
  "requirement", "chapeau", "category", "declaration-item",
  "documentation-item", "user-information-item",
  "scope-question", "scope-conflict", "procedure", "delegated-act", "key-date", "article",
  "risk-level", "risk-band", "stride", "standard-clause", "declaration-template",
  NULL
};

/* The languages a translation may be tagged with (xml:lang). English is the
 * untagged wording, so "en" is not among them: a second, tagged English text
 * could only disagree with the first. */
static const char * const translation_languages[] = { "de", "fr", NULL };

#define ENGLISH "en"

typedef struct
{
  const char *name;     /* the file name used in messages */
  GError     *error;
} LoadContext;

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->id);
  g_free (section->annex);
  g_free (section->title);
  g_free (section->chapeau);
  g_clear_pointer (&section->titles, g_hash_table_unref);
  g_clear_pointer (&section->chapeaus, g_hash_table_unref);
  g_clear_pointer (&section->attributes, g_hash_table_unref);
  g_clear_object (&section->items);
  g_free (section);
}

static Section *
find_section (CfCatalogue *self,
              const char  *section_id)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (section->id, section_id) == 0)
        return section;
    }

  return NULL;
}

/* English is the untagged wording; the other languages are looked up. */
static const char *
lookup_translation (GHashTable *table,
                    const char *english,
                    const char *lang)
{
  if (g_str_equal (lang, ENGLISH))
    return english;

  return table ? g_hash_table_lookup (table, lang) : NULL;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp (node->name, (const xmlChar *) name) == 0 &&
         node->ns != NULL &&
         xmlStrcmp (node->ns->href, (const xmlChar *) CATALOGUE_NS) == 0;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static GHashTable *
get_attributes (xmlNode *node)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);

      g_hash_table_insert (attributes, g_strdup ((const char *) attr->name),
                           g_strdup (value ? (const char *) value : ""));
      xmlFree (value);
    }

  return attributes;
}

static char *
get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static void
fail_at (LoadContext *ctx,
         xmlNode     *node,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
fail_at (LoadContext *ctx,
         xmlNode     *node,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  ctx->error = g_error_new (CF_ERROR, CF_ERROR_CATALOGUE,
                            _("The catalogue “%s” is malformed at line %ld: %s"),
                            ctx->name, node ? xmlGetLineNo (node) : 0L, message);
}

static gboolean
is_true (xmlNode    *node,
         const char *attribute)
{
  g_autofree char *value = get_attribute (node, attribute);

  return g_strcmp0 (value, "true") == 0;
}

/* xml:lang, and only in the XML namespace: a plain lang="…" is not one. */
static char *
get_lang (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Files @content under @lang in *@table. A translation exists to carry the
 * Official Journal's own wording in that language, so it is refused when it
 * is marked paraphrased: Conformity's own words are translated with
 * gettext, never in the catalogue. */
static gboolean
add_translation (LoadContext  *ctx,
                 xmlNode      *node,
                 GHashTable  **table,
                 const char   *lang,
                 char         *content,
                 const char   *owner)
{
  g_autofree char *text = content;

  g_assert (lang != NULL);

  if (!g_strv_contains (translation_languages, lang))
    {
      fail_at (ctx, node, _("<%s> in “%s” has the unknown language “%s” (known: de, fr; "
                            "English is the element without xml:lang)"),
               (const char *) node->name, owner, lang);
      return FALSE;
    }
  if (is_true (node, "paraphrased"))
    {
      fail_at (ctx, node, _("the “%s” <%s> of “%s” is paraphrased, but a translation must be "
                            "the Official Journal’s wording"),
               lang, (const char *) node->name, owner);
      return FALSE;
    }
  if (text == NULL || *text == '\0')
    {
      fail_at (ctx, node, _("the “%s” <%s> of “%s” is empty"),
               lang, (const char *) node->name, owner);
      return FALSE;
    }

  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_contains (*table, lang))
    {
      fail_at (ctx, node, _("“%s” has two “%s” <%s> elements"),
               owner, lang, (const char *) node->name);
      return FALSE;
    }

  g_hash_table_insert (*table, g_strdup (lang), g_steal_pointer (&text));
  return TRUE;
}

static gboolean
refuse_lang_on (LoadContext *ctx,
                xmlNode     *node,
                const char  *owner)
{
  g_autofree char *lang = get_lang (node);

  if (lang == NULL)
    return FALSE;

  fail_at (ctx, node, _("<%s> in “%s” cannot have an xml:lang; only <label>, <text>, <title> "
                        "and <chapeau> are translated"),
           (const char *) node->name, owner);
  return TRUE;
}

static void
item_data_clear (CfCatalogueItemData *d)
{
  g_free (d->id);
  g_free (d->section_id);
  g_free (d->parent_id);
  g_free (d->kind);
  g_free (d->label);
  g_free (d->text);
  g_free (d->help);
  g_free (d->basis);
  g_free (d->basis_ref);
  g_strfreev (d->notes);
  g_strfreev (d->synonyms);
  g_strfreev (d->examples);
  g_clear_pointer (&d->attributes, g_hash_table_unref);
  g_clear_pointer (&d->texts, g_hash_table_unref);
  g_clear_pointer (&d->labels, g_hash_table_unref);
}

static void
load_item (CfCatalogue *self,
           LoadContext *ctx,
           Section     *section,
           xmlNode     *node,
           const char  *parent_id,
           guint        depth)
{
  CfCatalogueItemData d = { 0 };
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) synonyms = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) examples = g_strv_builder_new ();
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  CfCatalogueItem *item;

  d.id = get_attribute (node, "id");
  d.kind = get_attribute (node, "kind");
  d.section_id = g_strdup (section->id);
  d.parent_id = g_strdup (parent_id);
  d.attributes = get_attributes (node);
  d.depth = depth;

  if (depth > MAX_ITEM_DEPTH)
    {
      fail_at (ctx, node, _("items are nested more than %d deep"), MAX_ITEM_DEPTH);
      goto out;
    }
  if (d.id == NULL || *d.id == '\0')
    {
      fail_at (ctx, node, _("an <item> has no id"));
      goto out;
    }
  if (g_hash_table_contains (self->items_by_id, d.id))
    {
      fail_at (ctx, node, _("the id “%s” is used twice"), d.id);
      goto out;
    }
  if (d.kind == NULL || !g_strv_contains (item_kinds, d.kind))
    {
      fail_at (ctx, node, _("item “%s” has the unknown kind “%s”"), d.id, d.kind ? d.kind : "");
      goto out;
    }
  if (refuse_lang_on (ctx, node, d.id))
    goto out;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *content = NULL;
      g_autofree char *lang = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "item"))
        {
          g_ptr_array_add (children, child);
          continue;
        }

      content = get_content (child);
      g_strstrip (content);
      lang = get_lang (child);

      if (lang != NULL && (is_element (child, "label") || is_element (child, "text")))
        {
          GHashTable **table = is_element (child, "label") ? &d.labels : &d.texts;

          if (!add_translation (ctx, child, table, lang, g_steal_pointer (&content), d.id))
            goto out;
        }
      else if (lang != NULL)
        {
          refuse_lang_on (ctx, child, d.id);
          goto out;
        }
      else if ((is_element (child, "label") && d.label != NULL) ||
               (is_element (child, "text") && d.text != NULL))
        {
          /* A second untagged one would silently replace the first; this is
           * also how a translation tagged lang="de" instead of xml:lang="de"
           * shows up. */
          fail_at (ctx, child, _("item “%s” has two English <%s> elements (a translation "
                                 "needs xml:lang)"), d.id, (const char *) child->name);
          goto out;
        }
      else if (is_element (child, "label"))
        {
          d.label = g_steal_pointer (&content);
          d.label_paraphrased = is_true (child, "paraphrased");
        }
      else if (is_element (child, "text"))
        {
          d.text = g_steal_pointer (&content);
          d.text_paraphrased = is_true (child, "paraphrased");
        }
      else if (is_element (child, "help"))
        {
          g_free (d.help);
          d.help = g_steal_pointer (&content);
        }
      else if (is_element (child, "basis"))
        {
          g_free (d.basis);
          g_free (d.basis_ref);
          d.basis = g_steal_pointer (&content);
          d.basis_ref = get_attribute (child, "ref");
        }
      else if (is_element (child, "note"))
        g_strv_builder_add (notes, content);
      else if (is_element (child, "synonym"))
        g_strv_builder_add (synonyms, content);
      else if (is_element (child, "example"))
        g_strv_builder_add (examples, content);
      else
        {
          fail_at (ctx, child, _("unexpected element <%s> in item “%s”"),
                   (const char *) child->name, d.id);
          goto out;
        }
    }

  if (d.text == NULL || *d.text == '\0')
    {
      fail_at (ctx, node, _("item “%s” has no text"), d.id);
      goto out;
    }

  /* The Official Journal's wording in another language can only stand
   * beside the English wording it translates, never beside a paraphrase. */
  if (d.texts != NULL && d.text_paraphrased)
    {
      fail_at (ctx, node, _("item “%s” has translations of a paraphrased text"), d.id);
      goto out;
    }
  if (d.labels != NULL && (d.label == NULL || d.label_paraphrased))
    {
      fail_at (ctx, node, _("item “%s” has translations of a paraphrased or missing label"), d.id);
      goto out;
    }

  d.notes = g_strv_builder_end (notes);
  d.synonyms = g_strv_builder_end (synonyms);
  d.examples = g_strv_builder_end (examples);
  item = _cf_catalogue_item_new (&d);
  g_hash_table_insert (self->items_by_id, g_strdup (cf_catalogue_item_get_id (item)), item);
  g_list_store_append (section->items, item);

  for (guint i = 0; i < children->len && ctx->error == NULL; i++)
    load_item (self, ctx, section, g_ptr_array_index (children, i),
               cf_catalogue_item_get_id (item), depth + 1);

out:
  item_data_clear (&d);
}

static void
load_section (CfCatalogue *self,
              LoadContext *ctx,
              xmlNode     *node)
{
  Section *section = g_new0 (Section, 1);

  section->id = get_attribute (node, "id");
  section->annex = get_attribute (node, "annex");
  section->title = get_attribute (node, "title");
  section->attributes = get_attributes (node);
  section->items = g_list_store_new (CF_TYPE_CATALOGUE_ITEM);
  g_ptr_array_add (self->sections, section);

  if (section->id == NULL || *section->id == '\0')
    {
      fail_at (ctx, node, _("a <section> has no id"));
      return;
    }

  for (guint i = 0; i + 1 < self->sections->len; i++)
    if (g_str_equal (((Section *) g_ptr_array_index (self->sections, i))->id, section->id))
      {
        fail_at (ctx, node, _("the section “%s” appears twice"), section->id);
        return;
      }

  if (refuse_lang_on (ctx, node, section->id))
    return;

  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    {
      g_autofree char *lang = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      lang = get_lang (child);

      if (is_element (child, "chapeau") && lang == NULL)
        {
          g_free (section->chapeau);
          section->chapeau = get_content (child);
        }
      else if (is_element (child, "chapeau") || is_element (child, "title"))
        {
          GHashTable **table = is_element (child, "title") ? &section->titles : &section->chapeaus;

          /* The English title stays the title attribute, as before. */
          if (lang == NULL)
            fail_at (ctx, child, _("a <title> in section “%s” needs an xml:lang; the English "
                                   "title is the title attribute"), section->id);
          else
            add_translation (ctx, child, table, lang,
                             g_strstrip (get_content (child)), section->id);
        }
      else if (is_element (child, "item"))
        load_item (self, ctx, section, child, NULL, 0);
      else
        fail_at (ctx, child, _("unexpected element <%s> in section “%s”"),
                 (const char *) child->name, section->id);
    }

  if (ctx->error == NULL && section->titles != NULL && section->title == NULL)
    fail_at (ctx, node, _("section “%s” has translated titles but no title"), section->id);
  if (ctx->error == NULL && section->chapeaus != NULL && section->chapeau == NULL)
    fail_at (ctx, node, _("section “%s” has translated chapeaus but no chapeau"), section->id);
}

/* libxml2 reports through a global callback; collect the first problem
 * instead of letting it print to stderr. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  LoadContext *ctx = user_data;
  g_autofree char *message = NULL;

  if (ctx->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  /* libxml2 quotes the input around the error, cut after so many bytes,
   * even in the middle of a character. */
  message = g_strchomp (cf_field_dup_printable (xml_error->message, TRUE));
  ctx->error = g_error_new (CF_ERROR, CF_ERROR_CATALOGUE,
                            _("The catalogue “%s” is malformed at line %d: %s"),
                            ctx->name, xml_error->line, message);
}

static void
cf_catalogue_finalize (GObject *object)
{
  CfCatalogue *self = CF_CATALOGUE (object);

  g_clear_pointer (&self->regulation, g_free);
  g_clear_pointer (&self->eli, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->section_ids, g_strfreev);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (cf_catalogue_parent_class)->finalize (object);
}

static void
cf_catalogue_class_init (CfCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_catalogue_finalize;
}

static void
cf_catalogue_init (CfCatalogue *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->items_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * cf_catalogue_load_bytes:
 * @data: the XML
 * @name: the file name to use in messages
 *
 * Parses a catalogue with network access, entity substitution and DTDs off:
 * a catalogue may come from elsewhere one day, so it is untrusted input.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error naming the
 *   file and the line
 */
CfCatalogue *
cf_catalogue_load_bytes (GBytes      *data,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(CfCatalogue) self = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  LoadContext ctx = { name, NULL };
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  xmlNode *root;
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (size > MAX_CATALOGUE_BYTES)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("The catalogue “%s” is too large (%zu bytes; at most %d)."),
                   name, size, MAX_CATALOGUE_BYTES);
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("Could not start reading the catalogue “%s”."), name);
      return NULL;
    }

  xmlSetStructuredErrorFunc (&ctx, structured_error_cb);
  doc = xmlCtxtReadMemory (parser, bytes, (int) size, name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);

  self = g_object_new (CF_TYPE_CATALOGUE, NULL);

  if (doc == NULL && ctx.error == NULL)
    ctx.error = g_error_new (CF_ERROR, CF_ERROR_CATALOGUE,
                             _("The catalogue “%s” is not well-formed XML."), name);

  if (ctx.error == NULL && doc->intSubset != NULL)
    fail_at (&ctx, (xmlNode *) doc->intSubset,
             _("a DOCTYPE is not allowed (entities are never expanded)"));

  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (ctx.error == NULL && (root == NULL || !is_element (root, "catalogue")))
    fail_at (&ctx, root, _("the root element must be <catalogue xmlns=\"%s\">"), CATALOGUE_NS);

  if (ctx.error == NULL)
    {
      self->regulation = get_attribute (root, "regulation");
      self->eli = get_attribute (root, "eli");

      for (xmlNode *child = root->children; child != NULL && ctx.error == NULL; child = child->next)
        {
          if (is_element (child, "section"))
            load_section (self, &ctx, child);
          else if (child->type == XML_ELEMENT_NODE)
            fail_at (&ctx, child, _("unexpected element <%s>"), (const char *) child->name);
        }

      if (ctx.error == NULL && self->sections->len == 0)
        fail_at (&ctx, root, _("it has no sections"));
    }

  if (doc != NULL)
    xmlFreeDoc (doc);

  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }

  ids = g_strv_builder_new ();
  for (guint i = 0; i < self->sections->len; i++)
    g_strv_builder_add (ids, ((Section *) g_ptr_array_index (self->sections, i))->id);
  self->section_ids = g_strv_builder_end (ids);

  return g_steal_pointer (&self);
}

/**
 * cf_catalogue_load_file:
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
CfCatalogue *
cf_catalogue_load_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("Could not read the catalogue “%s”: %s"), path, local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);
  return cf_catalogue_load_bytes (bytes, path, error);
}

/**
 * cf_catalogue_load_default:
 *
 * Loads the catalogue compiled into the program.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
CfCatalogue *
cf_catalogue_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (CF_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return cf_catalogue_load_bytes (bytes, "cra-catalogue.xml", error);
}

const char *
cf_catalogue_get_regulation (CfCatalogue *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);
  return self->regulation;
}

const char *
cf_catalogue_get_eli (CfCatalogue *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);
  return self->eli;
}

const char * const *
cf_catalogue_get_section_ids (CfCatalogue *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);
  return (const char * const *) self->section_ids;
}

const char *
cf_catalogue_get_section_title (CfCatalogue *self,
                                const char  *section_id)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  section = find_section (self, section_id);
  return section ? section->title : NULL;
}

const char *
cf_catalogue_get_section_annex (CfCatalogue *self,
                                const char  *section_id)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  section = find_section (self, section_id);
  return section ? section->annex : NULL;
}

const char *
cf_catalogue_get_section_chapeau (CfCatalogue *self,
                                  const char  *section_id)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  section = find_section (self, section_id);
  return section ? section->chapeau : NULL;
}

/**
 * cf_catalogue_get_section_title_for:
 * @lang: a language code: "en", "de" or "fr"
 *
 * The section's title in @lang, in the Official Journal's wording for that
 * language. There is no fallback to English: the caller decides.
 *
 * Returns: (nullable): the title, or %NULL for an unknown section or when
 *   the catalogue has no title in @lang
 */
const char *
cf_catalogue_get_section_title_for (CfCatalogue *self,
                                    const char  *section_id,
                                    const char  *lang)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  section = find_section (self, section_id);
  return section ? lookup_translation (section->titles, section->title, lang) : NULL;
}

/**
 * cf_catalogue_get_section_chapeau_for:
 * @lang: a language code: "en", "de" or "fr"
 *
 * Like cf_catalogue_get_section_title_for(), for the chapeau.
 *
 * Returns: (nullable): the chapeau in @lang
 */
const char *
cf_catalogue_get_section_chapeau_for (CfCatalogue *self,
                                      const char  *section_id,
                                      const char  *lang)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  section = find_section (self, section_id);
  return section ? lookup_translation (section->chapeaus, section->chapeau, lang) : NULL;
}

/**
 * cf_catalogue_get_section_attribute:
 *
 * Returns: (nullable): an XML attribute of the section, e.g. the
 *   "category" an Annex III or IV section stands for
 */
const char *
cf_catalogue_get_section_attribute (CfCatalogue *self,
                                    const char  *section_id,
                                    const char  *name)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  section = find_section (self, section_id);
  return section ? g_hash_table_lookup (section->attributes, name) : NULL;
}

/**
 * cf_catalogue_get_items:
 *
 * Returns: (transfer none) (nullable): every item of the section, sub-points
 *   included, in the regulation's order; %NULL for an unknown section
 */
GListModel *
cf_catalogue_get_items (CfCatalogue *self,
                        const char  *section_id)
{
  Section *section;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  section = find_section (self, section_id);
  return section ? G_LIST_MODEL (section->items) : NULL;
}

/**
 * cf_catalogue_count:
 * @kind: (nullable): count only items of this kind
 *
 * Returns: the number of items of the section (of @kind)
 */
guint
cf_catalogue_count (CfCatalogue *self,
                    const char  *section_id,
                    const char  *kind)
{
  GListModel *items;
  guint count = 0;

  g_return_val_if_fail (CF_IS_CATALOGUE (self), 0);

  items = cf_catalogue_get_items (self, section_id);
  if (items == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

      if (kind == NULL || g_str_equal (cf_catalogue_item_get_kind (item), kind))
        count++;
    }

  return count;
}

/**
 * cf_catalogue_lookup:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
CfCatalogueItem *
cf_catalogue_lookup (CfCatalogue *self,
                     const char  *id)
{
  g_return_val_if_fail (CF_IS_CATALOGUE (self), NULL);

  return g_hash_table_lookup (self->items_by_id, id);
}
