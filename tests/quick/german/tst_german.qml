// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

import QtQuick
import QtTest
import QtResourceSharer

// Run with LANG=de_DE.UTF-8: the library loads its German translation.
Item {
    width: 900
    height: 400

    SharerPanel {
        id: panel
        anchors.fill: parent
    }

    TestCase {
        name: "GermanPanel"
        when: windowShown

        function test_germanColumnHeaders() {
            compare(findChild(panel, "header_key").text, "Schlüssel")
            compare(findChild(panel, "header_state").text, "Zustand")
            compare(findChild(panel, "header_takenBy").text, "Übernommen von")
        }

        function test_germanStateText() {
            testSharer.registerPipe("eins")
            tryCompare(findChild(panel, "table"), "count", 1)
            compare(panel.filterModel.data(panel.filterModel.index(0, 0), 0x0100 + 7), "verfügbar")
        }
    }
}
