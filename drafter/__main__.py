from drafter.cli.main import main

raise SystemExit(main())
