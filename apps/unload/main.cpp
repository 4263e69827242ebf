// The composition root: everything lives in the libraries; this wires the command line to the
// HTTP server (serve_command.cpp) and hands over the arguments.
#include "cli/app.hpp"
#include "serve_command.hpp"

int main(int argc, char** argv) {
    return unload::cli::run(argc, argv, unload::app::run_serve);
}
