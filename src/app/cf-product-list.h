/* cf-product-list.h — the products of the project database, as a GListModel
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_PRODUCT_LIST (cf_product_list_get_type ())

G_DECLARE_FINAL_TYPE (CfProductList, cf_product_list, CF, PRODUCT_LIST, GObject)

CfProductList *cf_product_list_new       (CfStore        *store);
gboolean       cf_product_list_reload    (CfProductList  *self,
                                          GError        **error);
guint          cf_product_list_find      (CfProductList  *self,
                                          gint64          product_id);

G_END_DECLS
