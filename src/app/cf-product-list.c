/* cf-product-list.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-product-list"

#include "config.h"

#include "cf-product-list.h"

struct _CfProductList
{
  GObject    parent_instance;

  CfStore   *store;
  GPtrArray *products;    /* of CfProduct, in the store's order (by name) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfProductList, cf_product_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return CF_TYPE_PRODUCT;
}

static guint
get_n_items (GListModel *model)
{
  return CF_PRODUCT_LIST (model)->products->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CfProductList *self = CF_PRODUCT_LIST (model);

  if (position >= self->products->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->products, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
store_changed_cb (CfProductList *self,
                  gint64         product_id,
                  CfStore       *store)
{
  g_autoptr(GError) error = NULL;

  if (!cf_product_list_reload (self, &error))
    g_warning ("Could not reload the products: %s", error->message);
}

static void
cf_product_list_dispose (GObject *object)
{
  CfProductList *self = CF_PRODUCT_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->products, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_product_list_parent_class)->dispose (object);
}

static void
cf_product_list_class_init (CfProductListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_product_list_dispose;
}

static void
cf_product_list_init (CfProductList *self)
{
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cf_product_list_new:
 *
 * Returns: (transfer full): a list that follows the store's products
 */
CfProductList *
cf_product_list_new (CfStore *store)
{
  CfProductList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  self = g_object_new (CF_TYPE_PRODUCT_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::product", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (!cf_product_list_reload (self, &error))
    g_warning ("Could not load the products: %s", error->message);

  return self;
}

/**
 * cf_product_list_reload:
 *
 * Reads the products again. Rows whose product did not change keep their
 * object, so views only redraw what changed.
 */
gboolean
cf_product_list_reload (CfProductList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) old = NULL;
  guint old_len;

  g_return_val_if_fail (CF_IS_PRODUCT_LIST (self), FALSE);

  fresh = cf_store_list_products (self->store, error);
  if (fresh == NULL)
    return FALSE;

  /* Keep the existing object when id and time stamp are unchanged. */
  for (guint i = 0; i < fresh->len; i++)
    {
      CfProduct *product = g_ptr_array_index (fresh, i);

      for (guint j = 0; j < self->products->len; j++)
        {
          CfProduct *known = g_ptr_array_index (self->products, j);

          if (cf_record_get_id (CF_RECORD (known)) == cf_record_get_id (CF_RECORD (product)) &&
              g_strcmp0 (cf_record_get_updated_at (CF_RECORD (known)),
                         cf_record_get_updated_at (CF_RECORD (product))) == 0)
            {
              g_ptr_array_index (fresh, i) = g_object_ref (known);
              g_object_unref (product);
              break;
            }
        }
    }

  old = g_steal_pointer (&self->products);
  old_len = old->len;
  self->products = g_steal_pointer (&fresh);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->products->len);

  return TRUE;
}

/**
 * cf_product_list_find:
 *
 * Returns: the position of the product, or %GTK_INVALID_LIST_POSITION
 */
guint
cf_product_list_find (CfProductList *self,
                      gint64         product_id)
{
  g_return_val_if_fail (CF_IS_PRODUCT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->products->len; i++)
    if (cf_record_get_id (CF_RECORD (g_ptr_array_index (self->products, i))) == product_id)
      return i;

  return G_MAXUINT;
}
