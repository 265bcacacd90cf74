// Generated from fixtures/images.yaml by engine/images/catalogue.test.ts (UPDATE_GOLDEN=1). Do not edit.
export const CATALOGUE_DATA: unknown = {
  "apt": {
    "updateLines": [
      "Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]",
      "Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]",
      "Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]",
      "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]",
      "Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [6924 B]",
      "Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [283 kB]"
    ],
    "fetched": "Fetched 9337 kB in 1s (6823 kB/s)",
    "libcTrigger": "Processing triggers for libc-bin (2.36-9+deb12u10) ...",
    "databaseFiles": 7580
  },
  "images": [
    {
      "name": "nginx",
      "repository": "docker.io/library/nginx",
      "tag": "1.27",
      "models": "nginx 1.27 on Debian 12 (bookworm)",
      "digest": "sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d",
      "size": 72195292,
      "os": "debian-12",
      "entrypoint": [
        "/docker-entrypoint.sh"
      ],
      "cmd": [
        "nginx",
        "-g",
        "daemon off;"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "NGINX_VERSION=1.27.5",
        "NJS_VERSION=0.8.10",
        "NJS_RELEASE=1~bookworm",
        "PKG_RELEASE=1~bookworm",
        "DYNPKG_RELEASE=1~bookworm"
      ],
      "binaries": {
        "sh": "sh:dash",
        "dash": "sh:dash",
        "bash": "sh:bash",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sort": "sort",
        "cut": "cut",
        "wc": "wc",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "getent": "getent:glibc",
        "curl": "curl:debian",
        "apt": "apt",
        "apt-get": "apt"
      },
      "aptPackages": {
        "dnsutils": {
          "binaries": {
            "nslookup": "nslookup:bind",
            "dig": "dig:bind",
            "host": "host:bind"
          },
          "suggested": [
            "mmdb-bin"
          ],
          "needGet": "5838 kB",
          "diskUse": "18.5 MB",
          "debs": [
            {
              "name": "libuv1",
              "version": "1.44.2-1+deb12u1",
              "size": "136 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "bind9-libs",
              "version": "1:9.18.33-1~deb12u2",
              "size": "1179 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "bind9-host",
              "version": "1:9.18.33-1~deb12u2",
              "size": "54.8 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "libedit2",
              "version": "3.1-20221030-2",
              "size": "88.2 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "bind9-dnsutils",
              "version": "1:9.18.33-1~deb12u2",
              "size": "155 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "dnsutils",
              "version": "1:9.18.33-1~deb12u2",
              "size": "10.1 kB",
              "suite": "bookworm-security/main",
              "arch": "all"
            },
            {
              "name": "libfstrm0",
              "version": "0.6.1-1",
              "size": "21.6 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libjemalloc2",
              "version": "5.3.0-1",
              "size": "275 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "liblmdb0",
              "version": "0.9.24-1",
              "size": "45.0 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libmaxminddb0",
              "version": "1.7.1-1",
              "size": "29.8 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libprotobuf-c1",
              "version": "1.4.1-1+b1",
              "size": "27.5 kB",
              "suite": "bookworm/main"
            }
          ]
        },
        "iputils-ping": {
          "binaries": {
            "ping": "ping"
          },
          "needGet": "47.1 kB",
          "diskUse": "116 kB",
          "debs": [
            {
              "name": "iputils-ping",
              "version": "3:20221126-1+deb12u1",
              "size": "47.1 kB",
              "suite": "bookworm/main"
            }
          ]
        },
        "curl": {
          "binaries": {
            "curl": "curl:debian"
          },
          "needGet": "315 kB",
          "diskUse": "500 kB",
          "debs": [
            {
              "name": "curl",
              "version": "7.88.1-10+deb12u12",
              "size": "315 kB",
              "suite": "bookworm/main"
            }
          ]
        }
      },
      "files": {
        "/usr/share/nginx/html/index.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\nCommercial support is available at\n<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n"
      },
      "processes": [
        {
          "exe": "docker-entrypoint.sh",
          "arg": "nginx",
          "behaviour": "server",
          "listen": [
            {
              "port": 80,
              "protocol": "TCP",
              "server": "nginx-http"
            }
          ],
          "logs": "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n/docker-entrypoint.sh: Configuration complete; ready for start up\n{time} [notice] 1#1: using the \"epoll\" event method\n{time} [notice] 1#1: nginx/1.27.5\n{time} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n{time} [notice] 1#1: OS: Linux 5.15.0-160-generic\n{time} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576\n{time} [notice] 1#1: start worker processes\n{time} [notice] 1#1: start worker process 29\n{time} [notice] 1#1: start worker process 30\n"
        },
        {
          "exe": "nginx",
          "behaviour": "server",
          "listen": [
            {
              "port": 80,
              "protocol": "TCP",
              "server": "nginx-http"
            }
          ],
          "logs": "{time} [notice] 1#1: using the \"epoll\" event method\n{time} [notice] 1#1: nginx/1.27.5\n{time} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n{time} [notice] 1#1: OS: Linux 5.15.0-160-generic\n{time} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576\n{time} [notice] 1#1: start worker processes\n{time} [notice] 1#1: start worker process 7\n"
        },
        {
          "exe": "bash",
          "behaviour": "exit",
          "exitCode": 0
        },
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "httpd",
      "repository": "docker.io/library/httpd",
      "tag": "2.4",
      "models": "Apache httpd 2.4 on Debian 12 (bookworm)",
      "digest": "sha256:f4c5b0b1a3f8e5a2b6a1e0b3c7d2f6e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3",
      "size": 58118318,
      "os": "debian-12",
      "entrypoint": [],
      "cmd": [
        "httpd-foreground"
      ],
      "workingDir": "/usr/local/apache2",
      "env": [
        "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HTTPD_PREFIX=/usr/local/apache2",
        "HTTPD_VERSION=2.4.65"
      ],
      "binaries": {
        "sh": "sh:dash",
        "dash": "sh:dash",
        "bash": "sh:bash",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sort": "sort",
        "cut": "cut",
        "wc": "wc",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "getent": "getent:glibc",
        "apt": "apt",
        "apt-get": "apt"
      },
      "aptPackages": {
        "dnsutils": {
          "binaries": {
            "nslookup": "nslookup:bind",
            "dig": "dig:bind",
            "host": "host:bind"
          },
          "suggested": [
            "mmdb-bin"
          ],
          "needGet": "5838 kB",
          "diskUse": "18.5 MB",
          "debs": [
            {
              "name": "libuv1",
              "version": "1.44.2-1+deb12u1",
              "size": "136 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "bind9-libs",
              "version": "1:9.18.33-1~deb12u2",
              "size": "1179 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "bind9-host",
              "version": "1:9.18.33-1~deb12u2",
              "size": "54.8 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "libedit2",
              "version": "3.1-20221030-2",
              "size": "88.2 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "bind9-dnsutils",
              "version": "1:9.18.33-1~deb12u2",
              "size": "155 kB",
              "suite": "bookworm-security/main"
            },
            {
              "name": "dnsutils",
              "version": "1:9.18.33-1~deb12u2",
              "size": "10.1 kB",
              "suite": "bookworm-security/main",
              "arch": "all"
            },
            {
              "name": "libfstrm0",
              "version": "0.6.1-1",
              "size": "21.6 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libjemalloc2",
              "version": "5.3.0-1",
              "size": "275 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "liblmdb0",
              "version": "0.9.24-1",
              "size": "45.0 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libmaxminddb0",
              "version": "1.7.1-1",
              "size": "29.8 kB",
              "suite": "bookworm/main"
            },
            {
              "name": "libprotobuf-c1",
              "version": "1.4.1-1+b1",
              "size": "27.5 kB",
              "suite": "bookworm/main"
            }
          ]
        },
        "iputils-ping": {
          "binaries": {
            "ping": "ping"
          },
          "needGet": "47.1 kB",
          "diskUse": "116 kB",
          "debs": [
            {
              "name": "iputils-ping",
              "version": "3:20221126-1+deb12u1",
              "size": "47.1 kB",
              "suite": "bookworm/main"
            }
          ]
        },
        "curl": {
          "binaries": {
            "curl": "curl:debian"
          },
          "needGet": "315 kB",
          "diskUse": "500 kB",
          "debs": [
            {
              "name": "curl",
              "version": "7.88.1-10+deb12u12",
              "size": "315 kB",
              "suite": "bookworm/main"
            }
          ]
        }
      },
      "files": {
        "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n"
      },
      "processes": [
        {
          "exe": "httpd-foreground",
          "behaviour": "server",
          "listen": [
            {
              "port": 80,
              "protocol": "TCP",
              "server": "httpd"
            }
          ],
          "logs": "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message\nAH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message\n[{apachetime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations\n[{apachetime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n"
        },
        {
          "exe": "bash",
          "behaviour": "exit",
          "exitCode": 0
        },
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "busybox",
      "repository": "docker.io/library/busybox",
      "tag": "1.36",
      "models": "BusyBox 1.36",
      "digest": "sha256:d82f458899c9696cb26a7c02d5568f81c8c8223f8661bb2a7988b269c8b9051e",
      "size": 2152262,
      "os": "busybox",
      "entrypoint": [],
      "cmd": [
        "sh"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "ash": "sh:busybox",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sort": "sort",
        "cut": "cut",
        "wc": "wc",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "wget": "wget:busybox",
        "nslookup": "nslookup:busybox",
        "nc": "nc:busybox",
        "ping": "ping"
      },
      "processes": [
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "curlimages/curl",
      "repository": "docker.io/curlimages/curl",
      "tag": "8.16.0",
      "models": "curl 8 on Alpine",
      "digest": "sha256:463eaf6072688fe96ac64fa623fe73e1dbe25d8ad6c34404a669ad3ce1f104b6",
      "size": 9822148,
      "os": "alpine",
      "entrypoint": [
        "/entrypoint.sh"
      ],
      "cmd": [
        "curl"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "CURL_CA_BUNDLE=/cacert.pem",
        "CURL_RELEASE_TAG=curl-8_16_0",
        "CURL_GIT_REPO=https://github.com/curl/curl.git"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "ash": "sh:busybox",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sort": "sort",
        "cut": "cut",
        "wc": "wc",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "getent": "getent:musl",
        "curl": "curl:alpine",
        "nslookup": "nslookup:busybox",
        "wget": "wget:busybox",
        "nc": "nc:busybox"
      },
      "processes": [
        {
          "exe": "curl",
          "behaviour": "run"
        },
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "nicolaka/netshoot",
      "repository": "docker.io/nicolaka/netshoot",
      "tag": "latest",
      "models": "a network toolbox on Alpine",
      "digest": "sha256:a20c2531bf35436ed3766cd6cfe89d352b050ccc4d7005ce6400adf97503da1b",
      "size": 207911532,
      "os": "alpine",
      "entrypoint": [],
      "cmd": [
        "zsh"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "bash": "sh:bash",
        "zsh": "sh:bash",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sort": "sort",
        "cut": "cut",
        "wc": "wc",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "getent": "getent:musl",
        "curl": "curl:alpine",
        "dig": "dig:bind",
        "nslookup": "nslookup:bind",
        "host": "host:bind",
        "nc": "nc:netshoot",
        "ping": "ping"
      },
      "processes": [
        {
          "exe": "zsh",
          "behaviour": "exit",
          "exitCode": 0
        },
        {
          "exe": "bash",
          "behaviour": "exit",
          "exitCode": 0
        },
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "registry.k8s.io/e2e-test-images/agnhost",
      "repository": "registry.k8s.io/e2e-test-images/agnhost",
      "tag": "2.52",
      "models": "agnhost 2.52, the Kubernetes e2e test image",
      "digest": "sha256:b173c7d0ffe3d805d49f4dfe48375169b7b8d2e1feb81783efd61eb9d08042e6",
      "size": 53646372,
      "os": "alpine",
      "entrypoint": [
        "/agnhost"
      ],
      "cmd": [
        "pause"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "agnhost": "agnhost",
        "/agnhost": "agnhost",
        "cat": "cat",
        "echo": "echo",
        "ls": "ls",
        "env": "env",
        "hostname": "hostname",
        "grep": "grep",
        "head": "head",
        "tail": "tail",
        "sleep": "sleep",
        "true": "true",
        "false": "false",
        "pwd": "pwd",
        "printf": "printf",
        "nslookup": "nslookup:busybox",
        "wget": "wget:busybox",
        "nc": "nc:busybox",
        "curl": "curl:alpine",
        "dig": "dig:bind"
      },
      "processes": [
        {
          "exe": "agnhost",
          "arg": "netexec",
          "behaviour": "server",
          "listen": [
            {
              "port": 8080,
              "portFlag": "--http-port",
              "protocol": "TCP",
              "server": "agnhost-netexec"
            },
            {
              "port": 8081,
              "portFlag": "--udp-port",
              "protocol": "UDP",
              "server": "tcp"
            }
          ],
          "logs": "I0105 {klogtime}       1 log.go:245] Started HTTP server on port 8080\nI0105 {klogtime}       1 log.go:245] Started UDP server on port  8081\n"
        },
        {
          "exe": "agnhost",
          "arg": "serve-hostname",
          "behaviour": "server",
          "listen": [
            {
              "port": 9376,
              "portFlag": "--port",
              "protocol": "TCP",
              "server": "agnhost-serve-hostname"
            }
          ],
          "logs": "I0105 {klogtime}       1 log.go:245] Serving on port 9376.\n"
        },
        {
          "exe": "agnhost",
          "arg": "pause",
          "behaviour": "forever",
          "logs": "Paused\n"
        },
        {
          "exe": "sh",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    },
    {
      "name": "registry.k8s.io/pause",
      "repository": "registry.k8s.io/pause",
      "tag": "3.10",
      "models": "the pod sandbox's pause container",
      "digest": "sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a",
      "size": 320368,
      "os": "scratch",
      "entrypoint": [
        "/pause"
      ],
      "cmd": [],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {},
      "processes": [
        {
          "exe": "pause",
          "behaviour": "forever"
        }
      ]
    },
    {
      "name": "rancher/mirrored-coredns-coredns",
      "repository": "docker.io/rancher/mirrored-coredns-coredns",
      "tag": "1.12.3",
      "models": "CoreDNS as k3s ships it",
      "digest": "sha256:82979ddf442c593027a57239ad90616deb874e90c365d1a96ad508c2104bdea5",
      "size": 22390458,
      "os": "scratch",
      "entrypoint": [
        "/coredns"
      ],
      "cmd": [],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {},
      "processes": [
        {
          "exe": "coredns",
          "behaviour": "server",
          "listen": [
            {
              "port": 53,
              "protocol": "UDP",
              "server": "dns"
            },
            {
              "port": 53,
              "protocol": "TCP",
              "server": "dns"
            },
            {
              "port": 9153,
              "protocol": "TCP",
              "server": "tcp"
            }
          ],
          "logs": "[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b\nCoreDNS-1.12.3\nlinux/amd64, go1.24.6, 5e61d2a\n"
        }
      ]
    },
    {
      "name": "rancher/local-path-provisioner",
      "repository": "docker.io/rancher/local-path-provisioner",
      "tag": "v0.0.31",
      "models": "k3s's local-path provisioner",
      "digest": "sha256:80496fdeb307541007621959aa13aed41d31db9cd2dc4167c19833e0bfa3878c",
      "size": 21021380,
      "os": "alpine",
      "entrypoint": [],
      "cmd": [
        "local-path-provisioner"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "cat": "cat",
        "ls": "ls"
      },
      "processes": [
        {
          "exe": "local-path-provisioner",
          "behaviour": "forever"
        }
      ]
    },
    {
      "name": "rancher/mirrored-metrics-server",
      "repository": "docker.io/rancher/mirrored-metrics-server",
      "tag": "v0.8.0",
      "models": "metrics-server as k3s ships it",
      "digest": "sha256:421ca80cdee35ba18b1319e0e7d2d677a5d5be111f8c9537dd4b03dc90792bf9",
      "size": 20781268,
      "os": "scratch",
      "entrypoint": [
        "/metrics-server"
      ],
      "cmd": [],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {},
      "processes": [
        {
          "exe": "metrics-server",
          "behaviour": "server",
          "listen": [
            {
              "port": 10250,
              "protocol": "TCP",
              "server": "tcp"
            }
          ]
        }
      ]
    },
    {
      "name": "rancher/mirrored-library-traefik",
      "repository": "docker.io/rancher/mirrored-library-traefik",
      "tag": "3.3.6",
      "models": "Traefik as k3s's helm chart runs it",
      "digest": "sha256:a9f2d1d55b6c5e2a6e2e1d4b53a5b8d6a1ae5ba6b0e0e3a2b7ad1e0f4b4a8c61",
      "size": 56802634,
      "os": "alpine",
      "entrypoint": [
        "/entrypoint.sh"
      ],
      "cmd": [
        "traefik"
      ],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "cat": "cat",
        "ls": "ls"
      },
      "processes": [
        {
          "exe": "entrypoint.sh",
          "behaviour": "server",
          "listen": [
            {
              "port": 8000,
              "protocol": "TCP",
              "server": "traefik"
            },
            {
              "port": 8443,
              "protocol": "TCP",
              "server": "traefik"
            },
            {
              "port": 8080,
              "protocol": "TCP",
              "server": "tcp"
            },
            {
              "port": 9100,
              "protocol": "TCP",
              "server": "tcp"
            }
          ]
        },
        {
          "exe": "traefik",
          "behaviour": "server",
          "listen": [
            {
              "port": 8000,
              "protocol": "TCP",
              "server": "traefik"
            },
            {
              "port": 8443,
              "protocol": "TCP",
              "server": "traefik"
            },
            {
              "port": 8080,
              "protocol": "TCP",
              "server": "tcp"
            },
            {
              "port": 9100,
              "protocol": "TCP",
              "server": "tcp"
            }
          ]
        }
      ]
    },
    {
      "name": "rancher/klipper-lb",
      "repository": "docker.io/rancher/klipper-lb",
      "tag": "v0.4.13",
      "models": "k3s servicelb's port forwarder",
      "digest": "sha256:7eb86d5b908ec6ddd9796253d8cc2f43df99420fc8b8a18452a94dc56f86aca0",
      "size": 5020470,
      "os": "alpine",
      "entrypoint": [
        "entry"
      ],
      "cmd": [],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "cat": "cat",
        "ls": "ls"
      },
      "processes": [
        {
          "exe": "entry",
          "behaviour": "forever"
        }
      ]
    },
    {
      "name": "rancher/klipper-helm",
      "repository": "docker.io/rancher/klipper-helm",
      "tag": "v0.9.8-build20250709",
      "models": "k3s's helm-install job image",
      "digest": "sha256:b7f3e8e5a0d0c2e64b7d4e2c5d5b7d0a9a5c8f5e2b1d3c4a6e8f0a1b2c3d4e5f",
      "size": 70532215,
      "os": "alpine",
      "entrypoint": [
        "entry"
      ],
      "cmd": [],
      "env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      ],
      "binaries": {
        "sh": "sh:busybox",
        "cat": "cat",
        "ls": "ls"
      },
      "processes": [
        {
          "exe": "entry",
          "behaviour": "exit",
          "exitCode": 0
        }
      ]
    }
  ]
};
