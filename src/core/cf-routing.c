/* cf-routing.c — Article 32 as a table read from the catalogue
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-routing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-routing.h"

#define ROUTING_SECTION "Article32"
#define DELEGATED_ACTS_SECTION "Article8"

static const char * const status_ids[] = {
  [CF_ROUTE_OPEN] = "open",
  [CF_ROUTE_WHERE_AVAILABLE] = "where-available",
  [CF_ROUTE_COVERED_REQUIREMENTS] = "covered-requirements",
  [CF_ROUTE_REQUIRED] = "required",
  [CF_ROUTE_CLOSED] = "closed",
};

const char *
cf_route_status_to_id (CfRouteStatus status)
{
  g_return_val_if_fail (status <= CF_ROUTE_CLOSED, NULL);
  return status_ids[status];
}

void
cf_route_free (CfRoute *route)
{
  if (route == NULL)
    return;

  g_free (route->explanation);
  g_free (route->ref);
  g_free (route);
}

/**
 * cf_route_is_usable:
 *
 * Returns: whether the procedure can demonstrate the conformity of the
 *   whole product; module A for a class I product whose requirements are
 *   covered only in part cannot, on its own
 */
gboolean
cf_route_is_usable (CfRoute *route)
{
  return route->status == CF_ROUTE_OPEN || route->status == CF_ROUTE_WHERE_AVAILABLE ||
         route->status == CF_ROUTE_REQUIRED;
}

/**
 * cf_routing_usable_ids:
 *
 * Returns: (transfer full): the ids of the usable procedures ("module-a",
 *   "module-b+c", "module-h", "eucc"), in the regulation's order
 */
GStrv
cf_routing_usable_ids (GPtrArray *routes)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < routes->len; i++)
    {
      CfRoute *route = g_ptr_array_index (routes, i);

      if (cf_route_is_usable (route))
        g_strv_builder_add (ids, cf_procedure_to_id (route->procedure));
    }

  return g_strv_builder_end (ids);
}

/**
 * cf_routing_list_requirements:
 *
 * Returns: (transfer full) (element-type CfCatalogueItem): the essential
 *   requirements of Annex I, parts I and II, that Article 32(2) weighs one
 *   by one for class I products
 */
GPtrArray *
cf_routing_list_requirements (CfCatalogue *catalogue)
{
  static const char * const sections[] = { "AnnexI.PartI", "AnnexI.PartII" };
  GPtrArray *requirements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GListModel *items = cf_catalogue_get_items (catalogue, sections[s]);

      for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
        {
          CfCatalogueItem *item = g_list_model_get_item (items, i);

          if (g_strcmp0 (cf_catalogue_item_get_kind (item), "requirement") == 0)
            g_ptr_array_add (requirements, item);
          else
            g_object_unref (item);
        }
    }

  return requirements;
}

/* A delegated act under Article 8(1) names the Annex IV items it covers. */
static CfCatalogueItem *
find_delegated_act (CfCatalogue        *catalogue,
                    const char * const *items)
{
  GListModel *acts = cf_catalogue_get_items (catalogue, DELEGATED_ACTS_SECTION);

  for (guint i = 0; acts != NULL && items != NULL && i < g_list_model_get_n_items (acts); i++)
    {
      g_autoptr(CfCatalogueItem) act = g_list_model_get_item (acts, i);
      g_auto(GStrv) covered = NULL;

      if (g_strcmp0 (cf_catalogue_item_get_kind (act), "delegated-act") != 0)
        continue;

      covered = g_strsplit (cf_catalogue_item_get_attribute (act, "items") ?: "", " ", -1);
      for (guint j = 0; items[j] != NULL; j++)
        if (g_strv_contains ((const char * const *) covered, items[j]))
          return act;
    }

  return NULL;
}

static CfRouteStatus
parse_status (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (status_ids[i], id) == 0)
      return i;

  /* A status the catalogue does not state is not a permission. */
  return CF_ROUTE_CLOSED;
}

/* One sentence on what the route means for the product. @table is what the
 * catalogue says for the column, @status what remains after weighing the
 * product's standards coverage and any delegated act. */
static char *
explain (CfCatalogueItem      *procedure,
         CfRouteStatus         table,
         CfRouteStatus         status,
         const CfRoutingInput *input,
         const char           *column)
{
  const char *help = cf_catalogue_item_get_help (procedure);

  if (status == CF_ROUTE_REQUIRED)
    return g_strdup (_("Required: a delegated act under Article 8(1) makes a European "
                       "cybersecurity certificate mandatory for this category."));

  if (table == CF_ROUTE_COVERED_REQUIREMENTS)
    {
      if (status == CF_ROUTE_OPEN)
        return g_strdup_printf (_("Open, because harmonised standards, common specifications or a "
                                  "scheme at level ‘substantial’ were applied in full for every "
                                  "essential requirement. %s"), help);
      if (status == CF_ROUTE_CLOSED)
        return g_strdup (_("Not open: no harmonised standard, common specification or scheme at "
                           "level ‘substantial’ was applied in full for any essential requirement, "
                           "so module B+C or module H is needed."));
      return g_strdup_printf (_("Only for the essential requirements that harmonised standards, "
                                "common specifications or a scheme at level ‘substantial’ cover in "
                                "full (%u of %u); the others need module B+C or module H."),
                              input->n_covered, input->n_requirements);
    }

  switch (status)
    {
    case CF_ROUTE_OPEN:
      if (g_str_equal (column, "foss-annex-iii"))
        return g_strdup_printf (_("Open, because the product is free and open-source software whose "
                                  "technical documentation is public. %s"), help);
      return g_strdup (help);

    case CF_ROUTE_WHERE_AVAILABLE:
      /* Article 32(1)(d) sets no level for default products; 32(2), 32(3)(c)
       * and 8(1) require at least 'substantial'. */
      if (input->category == CF_CATEGORY_DEFAULT)
        return g_strdup (_("Open where a European cybersecurity certification scheme exists and "
                           "applies to the product (Article 27(9)), such as EUCC."));
      return g_strdup (_("Open where a European cybersecurity certification scheme at assurance "
                         "level at least ‘substantial’ exists and covers the product, such as EUCC."));

    case CF_ROUTE_CLOSED:
    default:
      if (table != CF_ROUTE_CLOSED)
        return g_strdup (_("Not open: a delegated act under Article 8(1) requires certification "
                           "instead."));
      /* Translators: %s is a category, e.g. "Important, class II" */
      return g_strdup_printf (_("Not open to products of the category %s."),
                              cf_category_get_label (input->category));
    }
}

/**
 * cf_routing_compute:
 *
 * Applies Article 32 to the product, from the catalogue's routing table:
 * one column per category, the Article 32(5) column for free and
 * open-source software in an Annex III category whose technical
 * documentation is public, and, for critical products, any delegated act
 * under Article 8(1) that makes certification mandatory.
 *
 * Returns: (transfer full) (element-type CfRoute): one route per procedure,
 *   in the regulation's order
 */
GPtrArray *
cf_routing_compute (CfCatalogue          *catalogue,
                    const CfRoutingInput *input)
{
  GListModel *procedures = cf_catalogue_get_items (catalogue, ROUTING_SECTION);
  GPtrArray *routes = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_route_free);
  const char *column = cf_category_to_id (input->category);
  g_autofree char *ref_attribute = NULL;
  CfCatalogueItem *act = NULL;
  const char *ref;

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), routes);

  /* Article 32(5) covers Annex III, not Annex IV. */
  if (input->is_foss && input->documentation_public &&
      (input->category == CF_CATEGORY_IMPORTANT_CLASS_1 || input->category == CF_CATEGORY_IMPORTANT_CLASS_2))
    column = "foss-annex-iii";

  if (input->category == CF_CATEGORY_CRITICAL)
    act = find_delegated_act (catalogue, input->items);

  ref_attribute = g_strconcat (column, "-ref", NULL);
  ref = cf_catalogue_get_section_attribute (catalogue, ROUTING_SECTION, ref_attribute);

  for (guint i = 0; procedures != NULL && i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (procedures, i);
      CfRouteStatus table;
      CfRoute *route;
      CfProcedure procedure;

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), "procedure") != 0 ||
          !cf_procedure_from_id (cf_catalogue_item_get_attribute (item, "procedure"), &procedure))
        continue;

      table = parse_status (cf_catalogue_item_get_attribute (item, column));
      route = g_new0 (CfRoute, 1);
      route->procedure = procedure;
      route->notified_body = g_strcmp0 (cf_catalogue_item_get_attribute (item, "notified-body"), "true") == 0;
      route->status = table;
      route->ref = g_strdup (ref);

      if (route->status == CF_ROUTE_COVERED_REQUIREMENTS)
        {
          if (input->n_requirements > 0 && input->n_covered == input->n_requirements)
            route->status = CF_ROUTE_OPEN;
          else if (input->n_covered == 0)
            route->status = CF_ROUTE_CLOSED;
        }

      if (act != NULL)
        {
          route->status = procedure == CF_PROCEDURE_CERTIFICATION ? CF_ROUTE_REQUIRED : CF_ROUTE_CLOSED;
          g_free (route->ref);
          route->ref = g_strdup (cf_catalogue_item_get_ref (act));
        }

      route->explanation = explain (item, table, route->status, input, column);

      g_ptr_array_add (routes, route);
    }

  return routes;
}
