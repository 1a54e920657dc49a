from briefing.interrupts import main

main()
