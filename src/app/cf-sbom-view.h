/* cf-sbom-view.h — a product's software bills of materials: import, quality, components, changes
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_SBOM_VIEW (cf_sbom_view_get_type ())

G_DECLARE_FINAL_TYPE (CfSbomView, cf_sbom_view, CF, SBOM_VIEW, AdwBin)

GtkWidget  *cf_sbom_view_new              (CfContext  *context);
gint64      cf_sbom_view_get_product_id   (CfSbomView *self);
void        cf_sbom_view_set_product_id   (CfSbomView *self,
                                           gint64      product_id);
void        cf_sbom_view_set_size_limit   (CfSbomView *self,
                                           guint64     size_limit);
void        cf_sbom_view_import_file      (CfSbomView *self,
                                           GFile      *file);
gboolean    cf_sbom_view_get_importing    (CfSbomView *self);
gboolean    cf_sbom_view_get_busy         (CfSbomView *self);
gint64      cf_sbom_view_get_shown_id     (CfSbomView *self);
gboolean    cf_sbom_view_show_sbom        (CfSbomView *self,
                                           gint64      sbom_id);
GListModel *cf_sbom_view_get_components   (CfSbomView *self);
void        cf_sbom_view_compare          (CfSbomView *self);

/* Shared with the comparison */
char       *cf_sbom_view_describe         (const CfSbomInfo *info);
char       *cf_sbom_view_format_number    (guint             n);

G_END_DECLS
