#pragma once
// Starts a private Xvfb server (Mesa llvmpipe gives it OpenGL 3.3) for end-to-end tests; stops it on
// destruction. The display number is chosen by Xvfb itself (-displayfd), so parallel tests never clash.
#include <map>
#include <string>
#include <sys/types.h>

namespace kk::test {

class Xvfb {
public:
    explicit Xvfb(int width = 1280, int height = 800);
    ~Xvfb();
    Xvfb(const Xvfb&) = delete;
    Xvfb& operator=(const Xvfb&) = delete;

    bool running() const { return pid_ > 0 && !display_.empty(); }
    const std::string& display() const { return display_; }  // ":N"
    // Environment for a child that should draw on this server with software OpenGL.
    std::map<std::string, std::string> env() const;

private:
    pid_t pid_ = -1;
    std::string display_;
};

}  // namespace kk::test
