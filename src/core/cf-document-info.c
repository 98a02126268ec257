/* cf-document-info.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-document-info"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-document-info.h"

/* Immutable: a stored document never changes, a new generation is a new
 * version. So there are getters and read-only properties only. */
struct _CfDocumentInfo
{
  GObject   parent_instance;

  gint64    id;
  gint64    product_id;
  char     *kind;
  gint      version;
  char     *created_at;
  char     *created_by;
  gint64    size;
  char     *sha256;
  gboolean  is_draft;
  char     *language;
  gboolean  is_pdfa;
};

G_DEFINE_FINAL_TYPE (CfDocumentInfo, cf_document_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_SHA256,
  PROP_IS_DRAFT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct {
  const char *kind;
  const char *label;
} kinds[] = {
  { CF_DOCUMENT_KIND_DECLARATION, N_("EU Declaration of Conformity") },
  { CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION, N_("Simplified EU Declaration of Conformity") },
  { CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, N_("Technical Documentation") },
  { CF_DOCUMENT_KIND_USER_INFORMATION, N_("Information and Instructions to the User") },
};

/* Each language's name in the user's language, and in its own: a list of
 * languages to choose from shows each by its own name. */
static const struct {
  const char *id;
  const char *label;
  const char *endonym;
} languages[] = {
  { "en", N_("English"), "English" },
  { "de", N_("German"), "Deutsch" },
  { "fr", N_("French"), "Français" },
};

/**
 * cf_document_language_list:
 *
 * Returns: (transfer none): the language ids documents can be written in
 */
const char * const *
cf_document_language_list (void)
{
  static const char * const ids[] = { "en", "de", "fr", NULL };

  return ids;
}

gboolean
cf_document_language_is_known (const char *language)
{
  return language != NULL && g_strv_contains (cf_document_language_list (), language);
}

const char *
cf_document_language_get_label (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].id, language) == 0)
      return _(languages[i].label);

  return language;
}

/**
 * cf_document_language_get_endonym:
 * @language: a language id
 *
 * Returns: the language's name in itself ("Deutsch"), or @language when it
 *   is not one documents are written in
 */
const char *
cf_document_language_get_endonym (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].id, language) == 0)
      return languages[i].endonym;

  return language;
}

static void
cf_document_info_finalize (GObject *object)
{
  CfDocumentInfo *self = CF_DOCUMENT_INFO (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (cf_document_info_parent_class)->finalize (object);
}

static void
cf_document_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfDocumentInfo *self = CF_DOCUMENT_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_IS_DRAFT:
      g_value_set_boolean (value, self->is_draft);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_document_info_class_init (CfDocumentInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_document_info_finalize;
  object_class->get_property = cf_document_info_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_IS_DRAFT] =
    g_param_spec_boolean ("is-draft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_document_info_init (CfDocumentInfo *self)
{
}

CfDocumentInfo *
cf_document_info_new (gint64      id,
                      gint64      product_id,
                      const char *kind,
                      gint        version,
                      const char *created_at,
                      const char *created_by,
                      gint64      size,
                      const char *sha256,
                      gboolean    is_draft)
{
  CfDocumentInfo *self = g_object_new (CF_TYPE_DOCUMENT_INFO, NULL);

  self->id = id;
  self->product_id = product_id;
  self->kind = g_strdup (kind);
  self->version = version;
  self->created_at = g_strdup (created_at);
  self->created_by = g_strdup (created_by);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->is_draft = !!is_draft;
  self->language = g_strdup ("en");

  return self;
}

/* Set once, by the store, when it reads the document. */
void
cf_document_info_set_format (CfDocumentInfo *self,
                             const char     *language,
                             gboolean        is_pdfa)
{
  g_return_if_fail (CF_IS_DOCUMENT_INFO (self));

  g_free (self->language);
  self->language = g_strdup (language ? language : "en");
  self->is_pdfa = !!is_pdfa;
}

const char *
cf_document_info_get_language (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return self->language;
}

gboolean
cf_document_info_get_is_pdfa (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), FALSE);
  return self->is_pdfa;
}

gint64
cf_document_info_get_id (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), 0);
  return self->id;
}

gint64
cf_document_info_get_product_id (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), 0);
  return self->product_id;
}

const char *
cf_document_info_get_kind (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return self->kind;
}

gint
cf_document_info_get_version (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), 0);
  return self->version;
}

const char *
cf_document_info_get_created_at (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return self->created_at;
}

const char *
cf_document_info_get_created_by (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return self->created_by;
}

gint64
cf_document_info_get_size (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), 0);
  return self->size;
}

const char *
cf_document_info_get_sha256 (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return self->sha256;
}

gboolean
cf_document_info_get_is_draft (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), FALSE);
  return self->is_draft;
}

const char *
cf_document_info_get_kind_label (CfDocumentInfo *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);
  return cf_document_kind_get_label (self->kind);
}

/**
 * cf_document_info_dup_file_name:
 * @product_name: (nullable): used as the start of the name
 *
 * Returns: (transfer full): a file name to suggest when saving, safe on any
 *   file system, e.g. "Thermostat-declaration-v3.pdf"
 */
char *
cf_document_info_dup_file_name (CfDocumentInfo *self,
                                const char     *product_name)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (self), NULL);

  for (const char *p = product_name ? product_name : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len > 0)
    g_string_append_c (name, '-');

  g_string_append_printf (name, "%s-v%d%s.pdf", self->kind, self->version,
                          self->is_draft ? "-draft" : "");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * cf_document_kind_list:
 *
 * Returns: (transfer none): the kinds of document Conformity generates,
 *   %NULL-terminated
 */
const char * const *
cf_document_kind_list (void)
{
  static const char * const list[] = {
    CF_DOCUMENT_KIND_DECLARATION, CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION,
    CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, CF_DOCUMENT_KIND_USER_INFORMATION, NULL,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (list) == G_N_ELEMENTS (kinds) + 1);
  return list;
}

gboolean
cf_document_kind_is_known (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return TRUE;

  return FALSE;
}

const char *
cf_document_kind_get_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].label);

  return kind;
}
