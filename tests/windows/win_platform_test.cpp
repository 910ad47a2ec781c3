// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The Windows platform layer (src/platform/handles_win.*), checked in real
// processes: cross-compiled with MinGW-w64 and run under Wine by ctest
// (tests/windows/run.cmake). Plain C++ and Win32, no Qt: there is no Qt for
// Windows on this machine. Prints one line per check; exit 0 when all pass.
//   win_platform_test                      the checks (the parent)
//   win_platform_test child-socket         rebuild a socket from stdin, accept once
//   win_platform_test child-pipe TEXT      read a duplicated handle, expect TEXT
//   win_platform_test child-pipe-client N  connect to named pipe N, write a byte
#include "platform/handles_win.h"

// winsock2.h must come before windows.h.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
// clang-format on

#include <cstdio>
#include <cstring>
#include <string>

using namespace qrs::platform;
using namespace qrs::platform::win;

namespace {

int failures = 0;

void check(bool ok, const char *what, const std::string &detail = {})
{
    std::printf("%s %s%s%s\n", ok ? "PASS" : "FAIL", what, detail.empty() ? "" : ": ",
                detail.c_str());
    std::fflush(stdout);
    if (!ok)
        ++failures;
}

std::string toHex(const std::string &bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : bytes) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    return hex;
}

std::string fromHex(const std::string &hex)
{
    std::string bytes;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += char(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

std::string readLine(HANDLE in)
{
    std::string line;
    char c;
    DWORD n;
    while (::ReadFile(in, &c, 1, &n, nullptr) && n == 1 && c != '\n')
        line += c;
    return line;
}

// A child of this program, suspended, with a pipe to its stdin.
struct Child
{
    PROCESS_INFORMATION info{};
    HANDLE stdinWrite = nullptr;

    bool start(const std::string &arguments)
    {
        SECURITY_ATTRIBUTES inherit{sizeof(inherit), nullptr, TRUE};
        HANDLE stdinRead = nullptr;
        if (!::CreatePipe(&stdinRead, &stdinWrite, &inherit, 0))
            return false;
        ::SetHandleInformation(stdinWrite, HANDLE_FLAG_INHERIT, 0);
        char self[MAX_PATH];
        ::GetModuleFileNameA(nullptr, self, MAX_PATH);
        std::string command = std::string("\"") + self + "\" " + arguments;
        STARTUPINFOA startup{};
        startup.cb = sizeof(startup);
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = stdinRead;
        startup.hStdOutput = ::GetStdHandle(STD_OUTPUT_HANDLE);
        startup.hStdError = ::GetStdHandle(STD_ERROR_HANDLE);
        const BOOL ok = ::CreateProcessA(nullptr, command.data(), nullptr, nullptr, TRUE,
                                         CREATE_SUSPENDED, nullptr, nullptr, &startup, &info);
        ::CloseHandle(stdinRead);
        return ok;
    }
    unsigned long pid() const { return info.dwProcessId; }
    void send(const std::string &line)
    {
        DWORD n;
        const std::string text = line + "\n";
        ::WriteFile(stdinWrite, text.data(), DWORD(text.size()), &n, nullptr);
    }
    // Resumes it and waits at most 20 s for its exit code (-1: it did not end).
    long finish()
    {
        ::ResumeThread(info.hThread);
        ::CloseHandle(stdinWrite);
        stdinWrite = nullptr;
        DWORD code = DWORD(-1);
        if (::WaitForSingleObject(info.hProcess, 20000) != WAIT_OBJECT_0) {
            ::TerminateProcess(info.hProcess, 99);
            return -1;
        }
        ::GetExitCodeProcess(info.hProcess, &code);
        ::CloseHandle(info.hThread);
        ::CloseHandle(info.hProcess);
        return long(code);
    }
};

SOCKET listenLocal(int *port)
{
    const SOCKET s = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int length = sizeof(address);
    if (s == INVALID_SOCKET || ::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof(address))
        || ::listen(s, 8) || ::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length))
        return INVALID_SOCKET;
    *port = ntohs(address.sin_port);
    return s;
}

void shareListeningSocket()
{
    int port = 0;
    const SOCKET listener = listenLocal(&port);
    check(listener != INVALID_SOCKET, "a listening socket on 127.0.0.1");
    Child child;
    check(child.start("child-socket"), "start the child");
    std::string info;
    unsigned long error = 0;
    const bool duplicated = duplicateSocketFor(Socket(listener), child.pid(), &info, &error);
    check(duplicated, "WSADuplicateSocketW for the child's pid",
          duplicated ? std::string() : errorText(error));
    child.send(toHex(info));
    ::ResumeThread(child.info.hThread);

    // A real connection, accepted by the child on the socket it rebuilt.
    const SOCKET client = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(u_short(port));
    const bool connected =
            ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    check(connected, "connect to the shared socket");
    std::string answer;
    char buf[128];
    int n;
    while (connected && (n = ::recv(client, buf, sizeof(buf), 0)) > 0)
        answer.append(buf, size_t(n));
    ::closesocket(client);
    const std::string expected = "hello from " + std::to_string(child.pid());
    check(answer == expected, "the child accepted the connection and answered",
          "got \"" + answer + "\", expected \"" + expected + "\"");
    check(child.finish() == 0, "the child exits 0");
    ::closesocket(listener);
}

void duplicatePipeHandle()
{
    HANDLE read = nullptr;
    HANDLE write = nullptr;
    check(::CreatePipe(&read, &write, nullptr, 0), "an anonymous pipe (not inheritable)");
    const std::string text = "through a duplicated handle";
    Child child;
    check(child.start("child-pipe \"" + text + "\""), "start the child");
    std::uint64_t remote = 0;
    unsigned long error = 0;
    const bool duplicated = duplicateHandleInto(read, child.pid(), &remote, &error);
    check(duplicated, "DuplicateHandle into the child",
          duplicated ? std::string() : errorText(error));
    ::CloseHandle(read);
    child.send(std::to_string(remote));
    DWORD n;
    ::WriteFile(write, text.data(), DWORD(text.size()), &n, nullptr);
    ::CloseHandle(write);
    check(child.finish() == 0, "the child read the text from the handle");
}

// What the sharer does when a later resource of a reply cannot be made over:
// the handles already put into the receiver are closed there again.
void aHandleMadeOverIsTakenBack()
{
    HANDLE read = nullptr;
    HANDLE write = nullptr;
    check(::CreatePipe(&read, &write, nullptr, 0), "an anonymous pipe for taking back");
    Child child;
    check(child.start("child-wait"), "start a child that waits");
    std::uint64_t remote = 0;
    unsigned long error = 0;
    check(duplicateHandleInto(write, child.pid(), &remote, &error),
          "the write end duplicated into the child");
    closeHandle(write); // now only the child holds a write end
    DWORD available = 0;
    check(::PeekNamedPipe(read, nullptr, 0, nullptr, &available, nullptr) != FALSE,
          "while the child holds the write end, the pipe is open");
    const bool closed = closeHandleIn(child.pid(), remote, &error);
    check(closed, "closeHandleIn closes it in the child",
          closed ? std::string() : errorText(error));
    const BOOL open = ::PeekNamedPipe(read, nullptr, 0, nullptr, &available, nullptr);
    check(!open && ::GetLastError() == ERROR_BROKEN_PIPE,
          "with the child still running, no write end is left");
    check(isProcessAlive(child.pid()), "the waiting child is alive");
    child.send("done");
    check(child.finish() == 0, "the child exits 0");
    check(!isProcessAlive(child.pid()), "the child that exited is not");
    check(isOpenHandle(read), "an open handle is open");

    int port = 0;
    const SOCKET listener = listenLocal(&port);
    check(isSocket(Socket(listener)), "a socket is a socket");
    check(!isSocket(Socket(reinterpret_cast<std::uintptr_t>(read))), "a pipe handle is not");
    check(isOpenHandle(reinterpret_cast<Handle>(listener)), "a socket is an open handle");
    closeHandle(read);
    closeSocket(Socket(listener));
}

void wrongPidIsRefused()
{
    int port = 0;
    const SOCKET listener = listenLocal(&port);
    std::string info;
    unsigned long error = 0;
    const unsigned long noSuchPid = 0x7ffffff0;
    const bool socketRefused = !duplicateSocketFor(Socket(listener), noSuchPid, &info, &error);
    check(socketRefused, "a socket duplicated for a pid that does not exist is refused",
          errorText(error));
    HANDLE read = nullptr;
    HANDLE write = nullptr;
    ::CreatePipe(&read, &write, nullptr, 0);
    std::uint64_t remote = 0;
    const bool handleRefused = !duplicateHandleInto(read, noSuchPid, &remote, &error);
    check(handleRefused, "a handle duplicated into a pid that does not exist is refused",
          errorText(error));
    std::string junk(10, 'x');
    check(socketFromProtocolInfo(junk, &error) == InvalidSocket,
          "protocol info of the wrong size is refused");
    ::CloseHandle(read);
    ::CloseHandle(write);
    ::closesocket(listener);
}

void namedPipeNamesItsClient()
{
    const std::string name = "\\\\.\\pipe\\qrs-test-" + std::to_string(::GetCurrentProcessId());
    const HANDLE server = ::CreateNamedPipeA(name.c_str(), PIPE_ACCESS_DUPLEX,
                                             PIPE_TYPE_BYTE | PIPE_WAIT, 1, 64, 64, 0, nullptr);
    check(server != INVALID_HANDLE_VALUE, "a named pipe");
    Child child;
    check(child.start("child-pipe-client " + name), "start the child");
    ::ResumeThread(child.info.hThread);
    const BOOL connected =
            ::ConnectNamedPipe(server, nullptr) || ::GetLastError() == ERROR_PIPE_CONNECTED;
    check(connected != FALSE, "the child connects");
    unsigned long pid = 0;
    unsigned long error = 0;
    const bool named = namedPipeClientPid(server, &pid, &error);
    check(named && pid == child.pid(),
          "GetNamedPipeClientProcessId names the child, not the server",
          "got " + std::to_string(pid) + ", child " + std::to_string(child.pid()));
    char byte;
    DWORD n;
    ::ReadFile(server, &byte, 1, &n, nullptr);
    check(child.finish() == 0, "the child exits 0");
    ::CloseHandle(server);
}

void describeHandles()
{
    int port = 0;
    const SOCKET listener = listenLocal(&port);
    HandleDescription d;
    const bool described = describe(reinterpret_cast<Handle>(listener), &d);
    check(described && d.kind == HandleKind::Socket && d.socketFamily == SocketFamily::IPv4
                  && d.socketType == SocketType::Stream && d.listening
                  && d.localAddress == "127.0.0.1" && d.localPort == port,
          "a listening TCP socket is described",
          d.localAddress + ":" + std::to_string(d.localPort));
    ::closesocket(listener);

    char directory[MAX_PATH];
    char path[MAX_PATH];
    ::GetTempPathA(MAX_PATH, directory);
    ::GetTempFileNameA(directory, "qrs", 0, path);
    const HANDLE file = ::CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                                      FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    const std::string base = std::strrchr(path, '\\') ? std::strrchr(path, '\\') + 1 : path;
    const bool fileDescribed = describe(file, &d);
    check(fileDescribed && d.kind == HandleKind::File && d.path.find(base) != std::string::npos,
          "a file is described with its path", d.path);
    ::CloseHandle(file);

    HANDLE read = nullptr;
    HANDLE write = nullptr;
    ::CreatePipe(&read, &write, nullptr, 0);
    check(describe(read, &d) && d.kind == HandleKind::Pipe, "a pipe is described");
    ::CloseHandle(read);
    ::CloseHandle(write);
}

int childSocket()
{
    unsigned long error = 0;
    const std::string info = fromHex(readLine(::GetStdHandle(STD_INPUT_HANDLE)));
    const Socket s = socketFromProtocolInfo(info, &error);
    if (s == InvalidSocket) {
        std::fprintf(stderr, "child: %s\n", errorText(error).c_str());
        return 1;
    }
    const SOCKET connection = ::accept(SOCKET(s), nullptr, nullptr);
    if (connection == INVALID_SOCKET)
        return 2;
    const std::string hello = "hello from " + std::to_string(::GetCurrentProcessId());
    ::send(connection, hello.data(), int(hello.size()), 0);
    ::shutdown(connection, SD_SEND);
    ::closesocket(connection);
    ::closesocket(SOCKET(s));
    return 0;
}

int childPipe(const std::string &expected)
{
    const std::string value = readLine(::GetStdHandle(STD_INPUT_HANDLE));
    const HANDLE h = reinterpret_cast<HANDLE>(std::uintptr_t(std::stoull(value)));
    std::string got;
    char buf[256];
    DWORD n;
    while (::ReadFile(h, buf, sizeof(buf), &n, nullptr) && n > 0)
        got.append(buf, n);
    ::CloseHandle(h);
    return got == expected ? 0 : 1;
}

int childPipeClient(const std::string &name)
{
    HANDLE pipe = INVALID_HANDLE_VALUE;
    for (int i = 0; i < 100 && pipe == INVALID_HANDLE_VALUE; ++i) {
        pipe = ::CreateFileA(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                             0, nullptr);
        if (pipe == INVALID_HANDLE_VALUE)
            ::WaitNamedPipeA(name.c_str(), 100);
    }
    if (pipe == INVALID_HANDLE_VALUE)
        return 1;
    DWORD n;
    ::WriteFile(pipe, "x", 1, &n, nullptr);
    ::CloseHandle(pipe);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    unsigned long error = 0;
    if (!startWinsock(&error)) {
        std::printf("FAIL WSAStartup: %s\n", errorText(error).c_str());
        return 1;
    }
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "child-socket")
        return childSocket();
    if (mode == "child-pipe" && argc > 2)
        return childPipe(argv[2]);
    if (mode == "child-pipe-client" && argc > 2)
        return childPipeClient(argv[2]);
    if (mode == "child-wait")
        return readLine(::GetStdHandle(STD_INPUT_HANDLE)) == "done" ? 0 : 1;
    shareListeningSocket();
    duplicatePipeHandle();
    aHandleMadeOverIsTakenBack();
    wrongPidIsRefused();
    namedPipeNamesItsClient();
    describeHandles();
    std::printf("%d failed\n", failures);
    return failures ? 1 : 0;
}
