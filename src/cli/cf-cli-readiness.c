/* cf-cli-readiness.c — readiness, chart
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-charts.h"
#include "cf-chart.h"
#include "cf-cli-private.h"

/* Sizes that show the whole chart: the readiness overview's 22 rows need
 * the height. */
#define HEATMAP_WIDTH    800
#define HEATMAP_HEIGHT   600
#define READINESS_WIDTH  800
#define READINESS_HEIGHT 850

static void
print_readiness (CfReadiness *readiness)
{
  g_autofree char *summary = cf_readiness_summary (readiness);

  cf_cli_print ("%s\n", summary);

  /* One line each, so that grep finds a whole message. */
  for (guint i = 0; i < readiness->missing->len; i++)
    {
      CfMissing *missing = g_ptr_array_index (readiness->missing, i);

      cf_cli_print ("  • %s\n", missing->message);
    }
}

int
cf_cli_readiness (CfCliContext        *ctx,
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

  description = g_strdup_printf (_("Says whether the product is ready for an EU declaration of "
                                   "conformity as far as the risk assessment goes, and if not "
                                   "what is missing, in the order of the work: the scope and "
                                   "the category decided, the context of the assessment, every "
                                   "essential requirement assessed (justified where it does not "
                                   "apply, implemented or verified and supported by evidence "
                                   "that has not expired where it does), no expired evidence, a "
                                   "risk register, and the acceptance of every high or critical "
                                   "risk that remains. “declaration show” adds what the "
                                   "declaration itself needs.\n"
                                   "\n"
                                   "Exit status: 0 ready, 3 not ready, 1 an error such as no "
                                   "such product, 2 a wrong command line.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s readiness 1 --json | jq -r '.missing[] | "
                                   "\"\\(.what) \\(.item)\"'\n"),
                                 CF_CLI_NAME);

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

      cf_cli_json_add_readiness (builder, id, status->readiness);
      cf_cli_json_print (builder);
    }
  else
    print_readiness (status->readiness);

  /* A script tests the verdict without parsing anything. */
  return status->readiness->ready ? CF_CLI_EXIT_OK : CF_CLI_EXIT_NOT_READY;
}

/* A side of the picture. Not a whole number: a usage error; a whole
 * number the chart cannot be drawn at is left to the core to refuse. */
static gboolean
parse_size (const char  *option,
            const char  *text,
            int         *size,
            GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  gint64 value;

  g_strstrip (shown);

  if (!g_ascii_string_to_signed (shown, 10, G_MININT, G_MAXINT, &value, NULL))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("%s takes a number of pixels, not “%s”."), option, shown);
      return FALSE;
    }

  *size = (int) value;
  return TRUE;
}

static GBytes *
render_chart (gboolean          heatmap,
              gboolean          inherent,
              CfCatalogue      *catalogue,
              CfProductStatus  *status,
              int               width,
              int               height,
              GError          **error)
{
  if (heatmap)
    {
      g_autoptr(CfRiskModel) model = cf_risk_model_new (catalogue);
      g_autoptr(CfHeatmapData) data = cf_heatmap_data_new (model, status->threats, !inherent);

      return cf_chart_heatmap_to_png (cf_heatmap_data_get (data), width, height, error);
    }
  else
    {
      g_autoptr(CfReadinessData) data = cf_readiness_data_new (catalogue, status->assessments);

      return cf_chart_readiness_to_png (cf_readiness_data_get (data), width, height, error);
    }
}

int
cf_cli_chart (CfCliContext        *ctx,
              const CfCliCommand  *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *out = NULL;
  g_autofree char *width_arg = NULL;
  g_autofree char *height_arg = NULL;
  g_autofree char *description = NULL;
  gboolean inherent = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind,
      N_("The chart: heatmap or readiness (required)"), N_("KIND") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("The PNG file to write (required)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_FILENAME, &width_arg,
      N_("The width in pixels (default: 800)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_FILENAME, &height_arg,
      N_("The height in pixels (default: 600 for the heat map, 850 for readiness)"), N_("H") },
    { "inherent", 0, 0, G_OPTION_ARG_NONE, &inherent,
      N_("Place the threats by their inherent risk, before mitigation (heatmap only)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean heatmap;
  int width;
  int height;
  gint64 id;
  int exit_status;

  description = g_strdup_printf (_("Draws one of the product’s risk assessment charts as a PNG, "
                                   "as the window shows it and the documents embed it. "
                                   "heatmap places the threats of the risk register on the "
                                   "likelihood × impact grid: by their residual risk where it "
                                   "is assessed, else by their inherent risk (--inherent: "
                                   "always by the inherent one). readiness shows every "
                                   "essential requirement with its status. Each side may be "
                                   "from 100 to 8000 pixels. The file appears only once it is "
                                   "complete; an existing file is replaced.\n"
                                   "\n"
                                   "Examples:\n"
                                   "  %s chart 1 --kind heatmap --out risk.png\n"
                                   "  %s chart 1 --kind readiness --out readiness.png "
                                   "--width 1200 --height 1350\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (kind == NULL)
    return cf_cli_usage_error (command->path, "%s",
                               _("--kind is required (one of: heatmap, readiness)."));

  if (!g_str_equal (kind, "heatmap") && !g_str_equal (kind, "readiness"))
    {
      g_autofree char *shown = g_utf8_make_valid (kind, -1);

      return cf_cli_usage_error (command->path,
                                 _("“%s” is not a kind of chart (known: heatmap, readiness)."),
                                 shown);
    }
  heatmap = g_str_equal (kind, "heatmap");

  if (inherent && !heatmap)
    return cf_cli_usage_error (command->path, "%s",
                               _("--inherent is about the heat map: give it with "
                                 "--kind heatmap."));

  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  width = heatmap ? HEATMAP_WIDTH : READINESS_WIDTH;
  height = heatmap ? HEATMAP_HEIGHT : READINESS_HEIGHT;
  if ((width_arg != NULL && !parse_size ("--width", width_arg, &width, &error)) ||
      (height_arg != NULL && !parse_size ("--height", height_arg, &height, &error)))
    return cf_cli_report (command->path, error);

  if (!cf_cli_check_output_file (out, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  status = cf_cli_load_product_status (ctx, catalogue, id, &error);
  if (status == NULL)
    return cf_cli_report (command->path, error);

  png = render_chart (heatmap, inherent, catalogue, status, width, height, &error);
  if (png == NULL)
    return cf_cli_report (command->path, error);

  /* Written to a temporary file and renamed: never half a picture. */
  file = g_file_new_for_path (out);
  if (!g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      g_autofree char *shown = g_filename_display_name (out);

      g_prefix_error (&error, _("Cannot write “%s”: "), shown);
      return cf_cli_report (command->path, error);
    }

  return CF_CLI_EXIT_OK;
}
