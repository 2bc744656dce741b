"""Start the ess-qa chat page: `python app.py [--host 127.0.0.1] [--port 7860] [--index-dir DIR] [--corpus DIR]`.

The same page as `ess-qa serve` (loopback unless --host says otherwise; ESS_QA_AUTH=user:password
requires a login); everything is in ess_qa.web.
"""

import sys

from ess_qa.web import main

if __name__ == "__main__":
    sys.exit(main())
