#pragma once

#include <functional>

#include "cli/context.hpp"
#include "core/error.hpp"

namespace unload::cli {

/// `unload serve`'s options, parsed here and handed to the server the composition root wires.
struct ServeOptions {
    std::string listen;      ///< `ADDR:PORT`; empty: the config's, else 127.0.0.1:8080.
    std::string config_path; ///< Empty: $XDG_CONFIG_HOME/unload/config.toml when it exists.
};

/// What `unload serve` runs. The command line knows no HTTP: apps/unload gives it the server.
using ServeCommand = std::function<core::Result<void>(Context&, const ServeOptions&)>;

/// Runs the `unload` command line and returns the process exit status: 0 success, 2 invalid usage
/// or input, 1 any other failure (interfaces.md).
int run(int argc, char** argv, const ServeCommand& run_serve);

} // namespace unload::cli
