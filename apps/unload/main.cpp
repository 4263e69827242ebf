// The composition root: everything lives in the libraries; this only hands over the arguments.
#include "cli/app.hpp"

int main(int argc, char** argv) {
    return unload::cli::run(argc, argv);
}
