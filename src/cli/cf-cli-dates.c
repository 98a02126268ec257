/* cf-cli-dates.c — dates: application dates, support period, retention
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"

static char *
dup_iso (const GDate *date)
{
  return date != NULL ? cf_date_to_iso (date) : NULL;
}

static CfKeyDate *
find_key_date (CfLifecycle *lc,
               const char  *id)
{
  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);

      if (g_strcmp0 (key->id, id) == 0)
        return key;
    }

  return NULL;
}

static char *
dup_support_text (CfLifecycle *lc)
{
  g_autofree char *months = NULL;

  if (lc->placed_on_market == NULL || lc->support_end == NULL)
    return NULL;

  if (lc->support_ends_before_placing)
    return g_strdup (_("ends before the product is placed on the market"));

  months = g_strdup_printf (ngettext ("%d month", "%d months", lc->support_months),
                            lc->support_months);
  if (!lc->support_shorter_than_minimum)
    return g_steal_pointer (&months);

  /* Translators: a length such as “36 months”, then the minimum in years. */
  return g_strdup_printf (ngettext ("%s, shorter than the minimum of %d year",
                                    "%s, shorter than the minimum of %d years",
                                    lc->minimum_support_years),
                          months, lc->minimum_support_years);
}

/* What the dates mean, as notes under the table: too long for its values. */
static void
print_notes (CfLifecycle *lc,
             gint64       id,
             const char  *application)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  if (lc->placed_on_market == NULL || lc->support_end == NULL)
    g_ptr_array_add (notes,
                     g_strdup_printf (_("Record the dates with “%s product set %" PRId64
                                        " --placed-on-market YYYY-MM-DD --support-end "
                                        "YYYY-MM-DD”."),
                                      CF_CLI_NAME, id));

  if (lc->support_ends_before_placing)
    g_ptr_array_add (notes, g_strdup (_("The support period ends before the product is placed "
                                        "on the market: check both dates.")));

  if (lc->support_needs_rationale)
    g_ptr_array_add (notes,
                     g_strdup_printf (ngettext ("The support period is shorter than %d year: "
                                                "explain how it was determined, with “%s product "
                                                "set %" PRId64 " --support-rationale TEXT” "
                                                "(Article 13(8)).",
                                                "The support period is shorter than %d years: "
                                                "explain how it was determined, with “%s product "
                                                "set %" PRId64 " --support-rationale TEXT” "
                                                "(Article 13(8)).",
                                                lc->minimum_support_years),
                                      lc->minimum_support_years, CF_CLI_NAME, id));

  if (lc->end_of_support_label != NULL)
    g_ptr_array_add (notes,
                     g_strdup_printf (_("At the time of purchase, say that support ends in %s "
                                        "(at least the month and the year, Article 13(19))."),
                                      lc->end_of_support_label));

  if (lc->retention_until != NULL)
    {
      g_autofree char *until = cf_date_to_iso (lc->retention_until);

      g_ptr_array_add (notes,
                       g_strdup_printf (ngettext ("Keep the technical documentation and the EU "
                                                  "declaration of conformity until %s: %d year "
                                                  "after placing on the market, or the support "
                                                  "period if longer (Article 13(13)).",
                                                  "Keep the technical documentation and the EU "
                                                  "declaration of conformity until %s: %d years "
                                                  "after placing on the market, or the support "
                                                  "period if longer (Article 13(13)).",
                                                  lc->retention_years),
                                        until, lc->retention_years));
    }

  if (lc->placed_before_application && application != NULL)
    g_ptr_array_add (notes,
                     g_strdup_printf (_("Placed on the market before %s: the product must meet "
                                        "the Regulation only once it is substantially modified "
                                        "from that date; the reporting obligations of Article 14 "
                                        "apply all the same (Article 69(2) and (3))."),
                                      application));

  if (notes->len > 0)
    cf_cli_print ("\n%s\n", _("Notes:"));
  for (guint i = 0; i < notes->len; i++)
    cf_cli_print_bullet (g_ptr_array_index (notes, i), 2, CF_CLI_TEXT_WIDTH);
}

static void
print_lifecycle (CfProductStatus *status)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  CfLifecycle *lc = status->lifecycle;
  CfRecord *product = CF_RECORD (status->product);
  CfKeyDate *application = find_key_date (lc, "Date.application");
  gint64 id = cf_record_get_id (product);
  g_autofree char *display_name = cf_product_dup_display_name (status->product);
  g_autofree char *product_text = NULL;
  g_autofree char *placed = dup_iso (lc->placed_on_market);
  g_autofree char *support_end = dup_iso (lc->support_end);
  g_autofree char *support = dup_support_text (lc);
  g_autofree char *rationale = NULL;
  g_autofree char *retention = dup_iso (lc->retention_until);
  g_autofree char *application_iso = application ? cf_date_to_iso (application->date) : NULL;

  product_text = g_strdup_printf (_("%s (id %" PRId64 ")"), display_name, id);

  if (support_end != NULL)
    {
      /* Translators: a date, then its month and year, e.g. “2032-03-31 (March 2032)”. */
      g_autofree char *with_month = g_strdup_printf (_("%s (%s)"), support_end,
                                                     lc->end_of_support_label);

      g_free (support_end);
      support_end = g_steal_pointer (&with_month);
    }

  if (lc->support_needs_rationale)
    rationale = g_strdup (_("— (needed)"));
  else
    rationale = g_strdup (cf_record_get_field (product, "support-rationale"));

  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_pair (table, _("Placed on the market"), placed);
  cf_cli_table_add_pair (table, _("End of support"), support_end);
  cf_cli_table_add_pair (table, _("Support period"), support);
  cf_cli_table_add_pair (table, _("Support rationale"), rationale);
  cf_cli_table_add_pair (table, _("Keep documents until"), retention);
  if (lc->placed_on_market != NULL && application_iso != NULL)
    cf_cli_table_add_pair (table, _("Placed before application"),
                           lc->placed_before_application ? _("yes (Article 69(2))") : _("no"));
  cf_cli_table_print (table);

  print_notes (lc, id, application_iso);

  cf_cli_print ("\n%s\n", _("Key dates of the Regulation:"));
  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);
      g_autofree char *date = cf_date_to_iso (key->date);
      g_autofree char *line = NULL;

      /* Translators: a date, whether it has passed, what applies from then and the article. */
      line = g_strdup_printf (_("%s (%s): %s (%s)"), date,
                              key->passed ? _("passed") : _("ahead"), key->label, key->ref);
      cf_cli_print_bullet (line, 2, CF_CLI_TEXT_WIDTH);
    }
}

int
cf_cli_dates (CfCliContext        *ctx,
              const CfCliCommand  *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  gint64 id;
  int exit_status;

  description = g_strdup_printf (_("Shows the dates from which the Regulation applies, and what "
                                   "follows from the product’s dates of placing on the market "
                                   "and end of support: whether the support period reaches "
                                   "the minimum of Article 13(8), the end of support as month "
                                   "and year (Article 13(19)), until when the documentation "
                                   "must be kept (Article 13(13)) and whether Article 69(2) "
                                   "applies. Record the dates with “product set”.\n"
                                   "\n"
                                   "Examples:\n"
                                   "  %s product set 1 --placed-on-market 2027-03-01 "
                                   "--support-end 2032-03-31\n"
                                   "  %s dates 1 --json\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  status = cf_cli_load_product_status (ctx, catalogue, id, &error);
  if (status == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_lifecycle (builder, status);
      cf_cli_json_print (builder);
    }
  else
    print_lifecycle (status);

  return CF_CLI_EXIT_OK;
}
