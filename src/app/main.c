/* main.c — conformity, the window
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-application.h"
#include "cf-locale-dir.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CfApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, cf_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
