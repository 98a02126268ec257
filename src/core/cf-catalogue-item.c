/* cf-catalogue-item.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-catalogue"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-catalogue-item.h"

/* Immutable once loaded; shared between threads without locking. */
struct _CfCatalogueItem
{
  GObject             parent_instance;

  CfCatalogueItemData d;
};

G_DEFINE_FINAL_TYPE (CfCatalogueItem, cf_catalogue_item, G_TYPE_OBJECT)

/* The untagged <text> and <label> are English; translations are tagged. */
#define ENGLISH "en"

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
cf_catalogue_item_finalize (GObject *object)
{
  CfCatalogueItem *self = CF_CATALOGUE_ITEM (object);

  g_free (self->d.id);
  g_free (self->d.section_id);
  g_free (self->d.parent_id);
  g_free (self->d.kind);
  g_free (self->d.label);
  g_free (self->d.text);
  g_free (self->d.help);
  g_free (self->d.basis);
  g_free (self->d.basis_ref);
  g_strfreev (self->d.notes);
  g_strfreev (self->d.synonyms);
  g_strfreev (self->d.examples);
  g_clear_pointer (&self->d.attributes, g_hash_table_unref);
  g_clear_pointer (&self->d.texts, g_hash_table_unref);
  g_clear_pointer (&self->d.labels, g_hash_table_unref);

  G_OBJECT_CLASS (cf_catalogue_item_parent_class)->finalize (object);
}

static void
cf_catalogue_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfCatalogueItem *self = CF_CATALOGUE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->d.id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->d.label);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->d.text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_catalogue_item_class_init (CfCatalogueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_catalogue_item_finalize;
  object_class->get_property = cf_catalogue_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_catalogue_item_init (CfCatalogueItem *self)
{
}

/**
 * _cf_catalogue_item_new:
 * @data: (transfer full): the fields; the item takes them over
 */
CfCatalogueItem *
_cf_catalogue_item_new (CfCatalogueItemData *data)
{
  CfCatalogueItem *self = g_object_new (CF_TYPE_CATALOGUE_ITEM, NULL);

  self->d = *data;
  memset (data, 0, sizeof *data);

  return self;
}

const char *
cf_catalogue_item_get_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.id;
}

const char *
cf_catalogue_item_get_section_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.section_id;
}

/**
 * cf_catalogue_item_get_parent_id:
 *
 * Returns: (nullable): the chapeau this item belongs to, e.g.
 *   "AnnexI.PartI.2" for "AnnexI.PartI.2.a"
 */
const char *
cf_catalogue_item_get_parent_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.parent_id;
}

const char *
cf_catalogue_item_get_ref (CfCatalogueItem *self)
{
  return cf_catalogue_item_get_attribute (self, "ref");
}

/**
 * cf_catalogue_item_get_kind:
 *
 * Returns: "requirement", "chapeau", "category", "declaration-item",
 *   "declaration-template" (a fixed sentence with placeholders, as in
 *   Annex VI), "documentation-item", "user-information-item",
 *   "scope-question", "scope-conflict", "procedure", "delegated-act",
 *   "key-date", "article", "risk-level", "risk-band", "stride" or
 *   "standard-clause"
 */
const char *
cf_catalogue_item_get_kind (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.kind;
}

/**
 * cf_catalogue_item_get_label:
 *
 * Returns: (nullable): a short label; it is not the regulation's wording
 *   when cf_catalogue_item_get_label_paraphrased() says so
 */
const char *
cf_catalogue_item_get_label (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.label;
}

gboolean
cf_catalogue_item_get_label_paraphrased (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), FALSE);
  return self->d.label_paraphrased;
}

/**
 * cf_catalogue_item_get_text:
 *
 * Returns: the regulation's wording, verbatim from the Official Journal,
 *   unless cf_catalogue_item_get_text_paraphrased() says otherwise (a
 *   scope question, say, is the app's own plain-language wording)
 */
const char *
cf_catalogue_item_get_text (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.text;
}

gboolean
cf_catalogue_item_get_text_paraphrased (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), FALSE);
  return self->d.text_paraphrased;
}

const char *
cf_catalogue_item_get_number (CfCatalogueItem *self)
{
  return cf_catalogue_item_get_attribute (self, "number");
}

const char * const *
cf_catalogue_item_get_notes (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return (const char * const *) self->d.notes;
}

guint
cf_catalogue_item_get_depth (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), 0);
  return self->d.depth;
}

/**
 * cf_catalogue_item_get_attribute:
 *
 * Returns: (nullable): an XML attribute of the item, as data for the rules
 *   that read it (a scope question's in-scope answer, a procedure's status
 *   for a category, a date)
 */
const char *
cf_catalogue_item_get_attribute (CfCatalogueItem *self,
                                 const char      *name)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.attributes ? g_hash_table_lookup (self->d.attributes, name) : NULL;
}

/**
 * cf_catalogue_item_get_synonyms:
 *
 * Returns: (transfer none): words people use for the category, for search;
 *   never %NULL
 */
const char * const *
cf_catalogue_item_get_synonyms (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return (const char * const *) self->d.synonyms;
}

/**
 * cf_catalogue_item_get_examples:
 *
 * Returns: (transfer none): typical products of the category; never %NULL
 */
const char * const *
cf_catalogue_item_get_examples (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return (const char * const *) self->d.examples;
}

/**
 * cf_catalogue_item_get_help:
 *
 * Returns: (nullable): plain-language help, the app's own words
 */
const char *
cf_catalogue_item_get_help (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.help;
}

/**
 * cf_catalogue_item_get_basis:
 *
 * Returns: (nullable): the legal text the item rests on, verbatim
 */
const char *
cf_catalogue_item_get_basis (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.basis;
}

/**
 * cf_catalogue_item_get_basis_ref:
 *
 * Returns: (nullable): where the basis text comes from, e.g. "Article 2(1)"
 */
const char *
cf_catalogue_item_get_basis_ref (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.basis_ref;
}

/**
 * cf_catalogue_item_get_text_for:
 * @lang: a language code: "en", "de" or "fr"
 *
 * The text in @lang as the Official Journal words it in that language.
 * There is no fallback: when the catalogue holds no such wording the
 * caller decides whether to show the English text, and must then say so.
 * A translation is never paraphrased (the loader refuses one that is), so
 * cf_catalogue_item_get_text_paraphrased() speaks for English only.
 *
 * Returns: (nullable): the text in @lang; for "en" the English text
 */
const char *
cf_catalogue_item_get_text_for (CfCatalogueItem *self,
                                const char      *lang)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  if (g_str_equal (lang, ENGLISH))
    return self->d.text;

  return self->d.texts ? g_hash_table_lookup (self->d.texts, lang) : NULL;
}

/**
 * cf_catalogue_item_get_label_for:
 * @lang: a language code: "en", "de" or "fr"
 *
 * Like cf_catalogue_item_get_text_for(), for the label. Only labels in the
 * regulation's own words (not paraphrased) can have translations.
 *
 * Returns: (nullable): the label in @lang; for "en" the English label
 */
const char *
cf_catalogue_item_get_label_for (CfCatalogueItem *self,
                                 const char      *lang)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  if (g_str_equal (lang, ENGLISH))
    return self->d.label;

  return self->d.labels ? g_hash_table_lookup (self->d.labels, lang) : NULL;
}

/**
 * cf_catalogue_item_has_language:
 * @lang: a language code
 *
 * Returns: whether the item's text exists in @lang; always %TRUE for "en"
 */
gboolean
cf_catalogue_item_has_language (CfCatalogueItem *self,
                                const char      *lang)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  return cf_catalogue_item_get_text_for (self, lang) != NULL;
}

/* The window's language, not a document's: po/its/ extracts Conformity's own
 * words of the catalogue (paraphrased labels and texts, help, notes,
 * references) for translators; the regulation's text never is. Document
 * builders and JSON keep using the plain getters. */

/**
 * cf_catalogue_display_string:
 * @english: (nullable): a string of the catalogue, in English
 *
 * gettext 0.21 extracts "&" of the XML as "&amp;" (later versions as "&"),
 * so a string holding one is looked up both ways.
 *
 * Returns: (nullable): @english in the window's language, or @english
 */
const char *
cf_catalogue_display_string (const char *english)
{
  const char *translated;

  if (english == NULL || *english == '\0')
    return english;

  translated = g_dgettext (GETTEXT_PACKAGE, english);
  if (translated == english && strchr (english, '&') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (english, "&", -1);
      g_autofree char *escaped = g_strjoinv ("&amp;", parts);
      const char *found = g_dgettext (GETTEXT_PACKAGE, escaped);

      if (found != escaped)
        translated = found;
    }
  return translated;
}

/**
 * cf_catalogue_item_get_display_label:
 *
 * Returns: (nullable): the label for the window: translated when it is
 *   Conformity's paraphrase, as it is otherwise
 */
const char *
cf_catalogue_item_get_display_label (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.label_paraphrased ? cf_catalogue_display_string (self->d.label) : self->d.label;
}

/**
 * cf_catalogue_item_get_display_text:
 *
 * Only Conformity's own wording (paraphrased="true": a scope question, a
 * risk level) is translated; the regulation's text never is, po/its/ does
 * not extract it.
 *
 * Returns: (nullable): the text for the window
 */
const char *
cf_catalogue_item_get_display_text (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->d.text_paraphrased ? cf_catalogue_display_string (self->d.text) : self->d.text;
}

/**
 * cf_catalogue_item_get_display_ref:
 *
 * Returns: (nullable): the reference for the window, e.g. "Anhang I Teil I
 *   Nummer 1"
 */
const char *
cf_catalogue_item_get_display_ref (CfCatalogueItem *self)
{
  return cf_catalogue_display_string (cf_catalogue_item_get_ref (self));
}

/**
 * cf_catalogue_item_get_display_help:
 *
 * Returns: (nullable): the plain-language help for the window
 */
const char *
cf_catalogue_item_get_display_help (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return cf_catalogue_display_string (self->d.help);
}

/**
 * cf_catalogue_item_get_display_basis_ref:
 *
 * Returns: (nullable): where the basis text comes from, for the window
 */
const char *
cf_catalogue_item_get_display_basis_ref (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return cf_catalogue_display_string (self->d.basis_ref);
}

/**
 * cf_catalogue_item_dup_display_notes:
 *
 * The Official Journal's footnotes are never extracted, so they stay as
 * the catalogue holds them.
 *
 * Returns: (transfer full): the notes for the window; never %NULL
 */
GStrv
cf_catalogue_item_dup_display_notes (CfCatalogueItem *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);

  for (guint i = 0; self->d.notes != NULL && self->d.notes[i] != NULL; i++)
    g_strv_builder_add (builder, cf_catalogue_display_string (self->d.notes[i]));
  return g_strv_builder_end (builder);
}
