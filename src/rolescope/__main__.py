from rolescope.cli import main

raise SystemExit(main())
