/* first-frame.c — how long a program takes from its start to its first frame on screen
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For build-aux/bench (docs/PERFORMANCE.md): the window's cold start beside
 * GNOME Text Editor's, measured the same way for both, from outside, so no
 * program needs a hook. On an X display where nothing else runs (Xvfb), it
 * starts COMMAND and watches the server:
 *
 *   map       the first top-level window (not override-redirect) is mapped;
 *   frame     the first change to that window's pixels after which it is not
 *             one flat colour: its first frame has reached the screen. The
 *             DAMAGE extension reports every change; the first, when the
 *             window is mapped, is the server filling it with its
 *             background, which this skips;
 *   complete  with --quiet S: the window is watched until it has not changed
 *             for S seconds, and this is when its final pixels were first
 *             shown, i.e. when what it loads after its first frame (a file,
 *             a list) was on screen. Each change is timed when it is seen and
 *             then read back, so a frame drawn while the previous one is read
 *             counts a few milliseconds early.
 *
 * The times count from just before COMMAND is started. COMMAND is then sent
 * SIGTERM and reaped, so that `/usr/bin/time -v first-frame …` reports
 * COMMAND's peak resident memory (Linux counts the largest of a process and
 * the children it waited for). --screenshot writes the window's pixels, as
 * they were at the last time printed, to FILE as a PPM image.
 *
 * Usage: first-frame [--timeout S] [--quiet S] [--screenshot FILE] COMMAND [ARG…]
 * Prints "map SECONDS", "frame SECONDS" and, with --quiet, "complete SECONDS".
 * Exit status: 0 when all were seen, 1 when COMMAND exited first or the
 * timeout (60 s) passed, 2 on a usage or display error.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static XImage *
grab (Display *display,
      Window   window)
{
  XWindowAttributes attributes;

  if (!XGetWindowAttributes (display, window, &attributes))
    return NULL;
  return XGetImage (display, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
}

/* Whether the image is one colour along a line across its middle and one
 * down it: true of a background fill, never of a frame of a GTK window (a
 * header bar above a content area). */
static int
is_flat (XImage *image)
{
  unsigned long first = XGetPixel (image, 0, image->height / 2);

  for (int x = 0; x < image->width; x++)
    if (XGetPixel (image, x, image->height / 2) != first)
      return 0;
  for (int y = 0; y < image->height; y++)
    if (XGetPixel (image, image->width / 2, y) != first)
      return 0;
  return 1;
}

/* FNV-1a of the pixels, to tell one frame from another. */
static uint64_t
checksum (XImage *image)
{
  uint64_t hash = 14695981039346656037u;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        hash ^= XGetPixel (image, x, y);
        hash *= 1099511628211u;
      }
  return hash;
}

/* A binary PPM of the image. */
static int
write_ppm (XImage     *image,
           const char *path)
{
  FILE *out = fopen (path, "wb");

  if (out == NULL)
    return 0;
  fprintf (out, "P6\n%d %d\n255\n", image->width, image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        unsigned long pixel = XGetPixel (image, x, y);
        unsigned char rgb[3] = {
          (pixel & image->red_mask) >> 16,
          (pixel & image->green_mask) >> 8,
          pixel & image->blue_mask,
        };

        fwrite (rgb, 1, 3, out);
      }
  return fclose (out) == 0;
}

static int
usage (void)
{
  fprintf (stderr, "Usage: first-frame [--timeout S] [--quiet S] [--screenshot FILE] COMMAND [ARG…]\n");
  return 2;
}

/* Ends COMMAND and reaps it, so that its resources are counted. */
static void
stop (pid_t child,
      int   signal_number)
{
  int status;

  kill (child, signal_number);
  while (waitpid (child, &status, 0) < 0 && errno == EINTR)
    ;
}

int
main (int    argc,
      char **argv)
{
  double timeout = 60, quiet = 0, start, last_change = 0;
  double map_time = -1, frame_time = -1, complete_time = -1;
  uint64_t complete_sum = 0;
  const char *screenshot = NULL;
  XImage *shown = NULL;   /* the pixels at the last time to print */
  Display *display;
  Window root, window = None;
  Damage damage = None;
  int damage_event, damage_error, status, arg = 1;
  pid_t child;

  for (; arg + 1 < argc && strncmp (argv[arg], "--", 2) == 0; arg += 2)
    if (strcmp (argv[arg], "--timeout") == 0)
      timeout = atof (argv[arg + 1]);
    else if (strcmp (argv[arg], "--quiet") == 0)
      quiet = atof (argv[arg + 1]);
    else if (strcmp (argv[arg], "--screenshot") == 0)
      screenshot = argv[arg + 1];
    else
      return usage ();
  if (arg >= argc || timeout <= 0 || quiet < 0)
    return usage ();

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "first-frame: cannot open the display “%s”\n",
               getenv ("DISPLAY") != NULL ? getenv ("DISPLAY") : "");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-frame: the X server has no DAMAGE extension\n");
      return 2;
    }
  /* Top-level windows are the root's children: their maps come as
   * MapNotify on the root. Selected before COMMAND starts, so none is missed. */
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now ();
  child = fork ();
  if (child < 0)
    {
      perror ("first-frame: fork");
      return 2;
    }
  if (child == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[arg], argv + arg);
      fprintf (stderr, "first-frame: cannot run %s: %s\n", argv[arg], strerror (errno));
      _exit (127);
    }

  for (;;)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      double t = now ();
      XEvent event;
      int changed = 0;

      if (frame_time >= 0 && (quiet == 0 || t - last_change >= quiet))
        break;
      if (waitpid (child, &status, WNOHANG) == child)
        {
          fprintf (stderr, "first-frame: %s exited before its window was complete\n", argv[arg]);
          return 1;
        }
      if (t - start >= timeout)
        {
          fprintf (stderr, "first-frame: %s within %.0f s\n",
                   frame_time < 0 ? "no frame" : "the window did not stop changing", timeout);
          stop (child, SIGKILL);
          return 1;
        }
      if (XPending (display) == 0)
        {
          /* Wake up now and then to notice a COMMAND that exits. */
          poll (&fd, 1, 50);
          continue;
        }

      XNextEvent (display, &event);
      if (event.type == MapNotify && window == None && !event.xmap.override_redirect)
        {
          map_time = t - start;
          window = event.xmap.window;
          damage = XDamageCreate (display, window, XDamageReportNonEmpty);
          /* A frame drawn before the damage object existed would never be
           * reported: look at what is there already. */
          changed = 1;
        }
      else if (event.type == damage_event + XDamageNotify && window != None &&
               ((XDamageNotifyEvent *) &event)->drawable == window)
        {
          XDamageSubtract (display, damage, None, None);
          changed = 1;
        }

      if (changed)
        {
          XImage *image = grab (display, window);
          uint64_t sum;

          if (image == NULL || (frame_time < 0 && is_flat (image)))
            {
              if (image != NULL)
                XDestroyImage (image);
              continue;
            }
          if (frame_time < 0)
            frame_time = t - start;
          last_change = t;
          /* The window is complete from the first time it showed what it
           * shows at the end; a redraw of the same pixels changes nothing. */
          sum = checksum (image);
          if (complete_time < 0 || sum != complete_sum)
            {
              complete_time = t - start;
              complete_sum = sum;
              if (shown != NULL)
                XDestroyImage (shown);
              shown = image;
            }
          else
            XDestroyImage (image);
        }
    }

  if (screenshot != NULL && !write_ppm (shown, screenshot))
    fprintf (stderr, "first-frame: could not write %s\n", screenshot);

  printf ("map %.3f\nframe %.3f\n", map_time, frame_time);
  if (quiet > 0)
    printf ("complete %.3f\n", complete_time);
  fflush (stdout);

  XDestroyImage (shown);
  XDamageDestroy (display, damage);
  XCloseDisplay (display);
  stop (child, SIGTERM);
  return 0;
}
