/* cf-catalogue-item.h — one point of the regulation, as the catalogue holds it
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CF_TYPE_CATALOGUE_ITEM (cf_catalogue_item_get_type ())

G_DECLARE_FINAL_TYPE (CfCatalogueItem, cf_catalogue_item, CF, CATALOGUE_ITEM, GObject)

const char         *cf_catalogue_item_get_id                (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_section_id        (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_parent_id         (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_ref               (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_kind              (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_label             (CfCatalogueItem *self);
gboolean            cf_catalogue_item_get_label_paraphrased (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_text              (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_number            (CfCatalogueItem *self);
const char * const *cf_catalogue_item_get_notes             (CfCatalogueItem *self);
guint               cf_catalogue_item_get_depth             (CfCatalogueItem *self);
gboolean            cf_catalogue_item_get_text_paraphrased  (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_attribute         (CfCatalogueItem *self,
                                                             const char      *name);
const char * const *cf_catalogue_item_get_synonyms          (CfCatalogueItem *self);
const char * const *cf_catalogue_item_get_examples          (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_help              (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_basis             (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_basis_ref         (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_text_for          (CfCatalogueItem *self,
                                                             const char      *lang);
const char         *cf_catalogue_item_get_label_for         (CfCatalogueItem *self,
                                                             const char      *lang);
gboolean            cf_catalogue_item_has_language          (CfCatalogueItem *self,
                                                             const char      *lang);

/* For the window only, in its language: documents choose their own. */
const char         *cf_catalogue_display_string             (const char      *english);
const char         *cf_catalogue_item_get_display_label     (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_display_ref       (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_display_text      (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_display_help      (CfCatalogueItem *self);
const char         *cf_catalogue_item_get_display_basis_ref (CfCatalogueItem *self);
GStrv               cf_catalogue_item_dup_display_notes     (CfCatalogueItem *self);

/* For the loader only: it fills the fields directly. */
typedef struct
{
  char       *id;
  char       *section_id;
  char       *parent_id;
  char       *kind;
  char       *label;
  gboolean    label_paraphrased;
  char       *text;
  gboolean    text_paraphrased;
  char       *help;
  char       *basis;
  char       *basis_ref;
  GStrv       notes;
  GStrv       synonyms;
  GStrv       examples;
  GHashTable *attributes;   /* every XML attribute, ref and number included */
  GHashTable *texts;        /* language → the Official Journal's text in it; NULL if none */
  GHashTable *labels;       /* language → label; NULL if none */
  guint       depth;
} CfCatalogueItemData;

CfCatalogueItem    *_cf_catalogue_item_new                  (CfCatalogueItemData *data);

G_END_DECLS
