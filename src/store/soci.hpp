#pragma once

// The one place SOCI is included. Debian 12's SOCI was built with Boost, so its soci-config.h turns
// on the Boost.Fusion, Boost.Optional and Boost.DateTime integrations, whose headers pull in Boost
// even though this project uses none of them (and does not install Boost's headers). Those
// integrations are header-only templates, so defining SOCI's configuration here without
// SOCI_HAVE_BOOST changes nothing in the compiled library's interface; the other settings match
// Debian's soci-config.h. Everything else in src/store includes this header, never <soci/...>.

#ifndef SOCICONFIG_H_INCLUDED
#define SOCICONFIG_H_INCLUDED
#define SOCI_HAVE_CXX11
#define SOCI_HAVE_FIREBIRD
#define SOCI_HAVE_MYSQL
#define SOCI_HAVE_ODBC
#define SOCI_HAVE_POSTGRESQL
#define SOCI_HAVE_SQLITE3
#define SOCI_HAVE_VISIBILITY_SUPPORT
#endif

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
