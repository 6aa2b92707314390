package org.sparsecode.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The addresses a process listens on (TCP), read from Linux's /proc: its sockets are found by inode. */
final class ListeningSockets {
  private ListeningSockets() {}

  /**
   * The local addresses of a process's listening TCP sockets.
   *
   * @param pid the process id, or {@code self}
   * @return one address per listening socket ({@code 127.0.0.1}, {@code ::1}, {@code ::}, {@code 0.0.0.0}, ...)
   */
  static List<String> addresses(String pid) {
    try {
      return read(pid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(String pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    List<Path> descriptors;
    try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
      descriptors = fds.toList();
    } catch (NoSuchFileException | UncheckedIOException e) {
      // the process exited between the caller's check and this listing: it listens on nothing
      return List.of();
    }
    for (Path fd : descriptors) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        if (target.startsWith("socket:[")) {
          inodes.add(target.substring(8, target.length() - 1));
        }
      } catch (IOException e) {
        // a descriptor closed while listing
      }
    }
    List<String> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      List<String> lines = Files.readAllLines(p);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address:port, f[3] state (0A = LISTEN), f[9] inode
        if ("0A".equals(f[3]) && inodes.contains(f[9])) {
          out.add(address(f[1].substring(0, f[1].indexOf(':'))));
        }
      }
    }
    return out;
  }

  /** An address of /proc/net/tcp{,6}: little-endian words of hex. */
  private static String address(String hex) {
    if (hex.length() == 8) {
      long v = Long.parseLong(hex, 16);
      return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
    if ("0000000000000000FFFF00000100007F".equals(hex)) {
      return "127.0.0.1";
    }
    if ("00000000000000000000000001000000".equals(hex)) {
      return "::1";
    }
    return hex.chars().allMatch(c -> c == '0') ? "::" : "ipv6 " + hex;
  }
}
