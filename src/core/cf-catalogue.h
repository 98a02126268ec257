/* cf-catalogue.h — Regulation (EU) 2024/2847 as data
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-catalogue-item.h"

G_BEGIN_DECLS

/* Where the built-in catalogue lives in the resources. */
#define CF_CATALOGUE_RESOURCE "/io/github/conformity/Conformity/catalogue/cra-catalogue.xml"

#define CF_TYPE_CATALOGUE (cf_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (CfCatalogue, cf_catalogue, CF, CATALOGUE, GObject)

CfCatalogue        *cf_catalogue_load_default        (GError     **error);
CfCatalogue        *cf_catalogue_load_file           (const char  *path,
                                                      GError     **error);
CfCatalogue        *cf_catalogue_load_bytes          (GBytes      *data,
                                                      const char  *name,
                                                      GError     **error);
const char         *cf_catalogue_get_regulation      (CfCatalogue *self);
const char         *cf_catalogue_get_eli             (CfCatalogue *self);
const char * const *cf_catalogue_get_section_ids     (CfCatalogue *self);
const char         *cf_catalogue_get_section_title   (CfCatalogue *self,
                                                      const char  *section_id);
const char         *cf_catalogue_get_section_annex   (CfCatalogue *self,
                                                      const char  *section_id);
const char         *cf_catalogue_get_section_chapeau (CfCatalogue *self,
                                                      const char  *section_id);
const char         *cf_catalogue_get_section_title_for   (CfCatalogue *self,
                                                        const char  *section_id,
                                                        const char  *lang);
const char         *cf_catalogue_get_section_chapeau_for (CfCatalogue *self,
                                                        const char  *section_id,
                                                        const char  *lang);
const char         *cf_catalogue_get_section_attribute (CfCatalogue *self,
                                                        const char  *section_id,
                                                        const char  *name);
GListModel         *cf_catalogue_get_items           (CfCatalogue *self,
                                                      const char  *section_id);
guint               cf_catalogue_count               (CfCatalogue *self,
                                                      const char  *section_id,
                                                      const char  *kind);
CfCatalogueItem    *cf_catalogue_lookup              (CfCatalogue *self,
                                                      const char  *id);

G_END_DECLS
