# SPDX-License-Identifier: GPL-2.0
# Entry points; each is a script in scripts/ (see README.md).

.PHONY: all run check tree export sparse-baseline deb deb-trimmed bench help $(addprefix check-,$(STAGES) $(EXTRA_STAGES))
STAGES := apply checkpatch kernel-doc htmldocs build sparse uapi-headers kunit uml-userspace igt compute-runtime
EXTRA_STAGES := matrix mutations coverage boot

all: run

run:
	scripts/run.sh

check:
	scripts/check.sh

$(addprefix check-,$(STAGES) $(EXTRA_STAGES)):
	scripts/check.sh $(@:check-%=%)

tree:
	scripts/tree.sh

export:
	scripts/export.sh

sparse-baseline:
	scripts/stages/sparse.sh --baseline

deb:
	scripts/deb.sh debian

deb-trimmed:
	scripts/deb.sh trimmed

bench:
	scripts/bench.sh

help:
	@echo "make          build the patched kernel as UML, run KUnit + userspace tests, report"
	@echo "make check    every check stage: $(STAGES)"
	@echo "make check-S  one stage S"
	@echo "make tree     assemble build/linux (FORCE=1 resets unexported work)"
	@echo "make export   write build/linux (and build/igt) back into linux/ (and igt/)"
	@echo "make sparse-baseline  regenerate configs/sparse-baseline.txt from the base"
	@echo "make deb      Debian packages: Debian's amd64 config + the feature (hours)"
	@echo "make deb-trimmed  Debian packages: defconfig + xe + the feature (quicker)"
	@echo "make bench    the benchmark suites in a UML kernel without lockdep/KASAN, one table"
