#pragma once

namespace unload::cli {

/// Runs the `unload` command line and returns the process exit status: 0 success, 2 invalid usage
/// or input, 1 any other failure (interfaces.md).
int run(int argc, char** argv);

} // namespace unload::cli
