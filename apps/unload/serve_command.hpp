#pragma once

// `unload serve`, wired here in the composition root so that the command line (src/cli) needs no
// HTTP: the server, its config and its access log.

#include "cli/app.hpp"

namespace unload::app {

core::Result<void> run_serve(cli::Context& ctx, const cli::ServeOptions& options);

} // namespace unload::app
