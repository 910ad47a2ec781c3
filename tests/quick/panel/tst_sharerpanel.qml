// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

import QtQuick
import QtQuick.Controls
import QtTest
import QtResourceSharer

Item {
    id: root
    width: 900
    height: 480

    SharerPanel {
        id: panel
        anchors.fill: parent
        keepFinishedFor: 60000
    }

    // The console of a real qrs-supervise, followed by pid (test_console…).
    SharerPanel {
        id: supervised
        visible: false
        width: 1000
        height: 620
        source: ""
    }

    Component {
        id: loaderContent
        SharerPanel { }
    }

    TestCase {
        name: "SharerPanel"
        when: windowShown

        // Each test starts from an empty cache and an empty table.
        function init() {
            verify(testSharer.stop())
            findChild(panel, "filterField").text = ""
            panel.keepFinishedFor = 0
            tryCompare(panel.filterModel, "count", 0)
            panel.keepFinishedFor = 60000
        }

        // The delegate of the table's row, once the view has laid it out.
        function rowItem(row) {
            const table = findChild(panel, "table")
            tryVerify(() => table.itemAtIndex(row) !== null && table.itemAtIndex(row).rowIndex === row)
            return table.itemAtIndex(row)
        }

        function rowTexts(view) {
            let names = []
            for (let i = 0; i < view.count; ++i)
                names.push(panel.filterModel.data(panel.filterModel.index(i, 0), 0x0100 + 3)) // NameRole
            return names.sort()
        }

        function test_rowsAppear() {
            verify(testSharer.registerPipe("alpha") !== "")
            verify(testSharer.registerTcpListener("http", 30000) !== "")
            const table = findChild(panel, "table")
            tryCompare(table, "count", 2)
            compare(panel.cacheModel.cachedCount, 2)
            // A row per resource, coloured by state, with a working revoke button.
            const button = findChild(rowItem(0), "revokeButton")
            verify(button !== null)
            verify(button.enabled)
        }

        function test_filter() {
            testSharer.registerPipe("web-http")
            testSharer.registerPipe("web-https")
            testSharer.registerPipe("database")
            const table = findChild(panel, "table")
            tryCompare(table, "count", 3)
            const field = findChild(panel, "filterField")
            field.forceActiveFocus()
            keyClick("w"); keyClick("e"); keyClick("b")
            tryCompare(table, "count", 2)
            compare(rowTexts(table), ["web-http", "web-https"])
            field.text = "DATA"
            tryCompare(table, "count", 1)
            field.text = "no such thing"
            tryCompare(table, "count", 0)
            field.text = ""
            tryCompare(table, "count", 3)
        }

        function test_revokeRemovesTheResource() {
            panel.keepFinishedFor = 0
            testSharer.registerPipe("only")
            const table = findChild(panel, "table")
            tryCompare(table, "count", 1)
            compare(testSharer.count(), 1)
            const button = findChild(rowItem(0), "revokeButton")
            verify(button !== null)
            mouseClick(button)
            tryCompare(table, "count", 0)
            compare(testSharer.count(), 0)
            verify(panel.cacheModel.revokedCount > 0)
        }

        function test_transfersAreLogged() {
            const log = findChild(panel, "transferLog")
            const before = log.count
            const id = testSharer.registerPipe("worker-socket")
            verify(testSharer.take(id))
            tryCompare(log, "count", before + 2) // sent, then taken
            const table = findChild(panel, "table")
            tryCompare(table, "count", 1)
            // Qt.UserRole + 6: CacheModel::StateRole
            tryVerify(() => panel.filterModel.data(panel.filterModel.index(0, 0), 0x0100 + 6)
                      === "taken")
        }

        // A supervisor publishes its workers as the process status; the panel lists them.
        function test_supervisorWorkers() {
            const workers = findChild(panel, "workers")
            compare(workers.count, 0)
            verify(!findChild(panel, "workersTitle").visible)
            verify(testSharer.setProcessStatus(JSON.stringify({
                supervisor: { pid: 42, workers: 2, ready: 1, rolling: true },
                workers: [
                    { slot: 0, pid: 43, uid: 33, generation: 1, role: "active", ready: true, status: "serving" },
                    { slot: 1, pid: 44, generation: 2, role: "replacement", ready: false, status: "" }
                ]
            })))
            tryCompare(workers, "count", 2)
            compare(findChild(panel, "workersTitle").text,
                    "Workers: 1 of 2 ready, a rolling restart is under way")
            tryVerify(() => workers.itemAtIndex(0) !== null)
            // slot, pid, uid, generation, state, restarts, status
            compare(workers.itemAtIndex(0).text, "0 | 43 | 33 | 1 | ready | 0 | serving")
            tryVerify(() => workers.itemAtIndex(1) !== null)
            compare(workers.itemAtIndex(1).text, "1 | 44 | – | 2 | replacing, starting | 0 | ")
            // Nothing may be sent while a rolling restart runs.
            verify(!findChild(panel, "restartButton").enabled)
            verify(!findChild(panel, "moreButton").enabled)
            verify(testSharer.setProcessStatus(JSON.stringify({
                supervisor: { pid: 42, workers: 1, ready: 1, rolling: false,
                              upgrade: { attempt: 1, state: "running", successor: 77 } },
                workers: [ { slot: 0, pid: 43, generation: 1, role: "active", ready: true } ]
            })))
            tryCompare(findChild(panel, "workersTitle"), "text",
                       "Workers: 1 of 1 ready, upgrading in place (successor pid 77)")
            // At the most workers it says it takes: one fewer, but not one more.
            const twoWorkers = [ { slot: 0, pid: 43, generation: 1, role: "active", ready: true },
                                 { slot: 1, pid: 45, generation: 1, role: "active", ready: true } ]
            verify(testSharer.setProcessStatus(JSON.stringify({
                supervisor: { pid: 42, workers: 2, maxWorkers: 2, ready: 2 }, workers: twoWorkers
            })))
            tryVerify(() => findChild(panel, "fewerButton").enabled)
            verify(!findChild(panel, "moreButton").enabled)
            // One that does not say its most refuses beyond it itself.
            verify(testSharer.setProcessStatus(JSON.stringify({
                supervisor: { pid: 42, workers: 2, ready: 2 }, workers: twoWorkers
            })))
            tryVerify(() => findChild(panel, "moreButton").enabled)
            verify(testSharer.setProcessStatus("{}"))
            tryCompare(workers, "count", 0)
        }

        function supervisorStatus() {
            return supervised.cacheModel.processStatus.supervisor || ({})
        }

        function clickWhenEnabled(name) {
            const button = findChild(supervised, name)
            verify(button !== null, name)
            tryVerify(() => button.enabled, 20000, name + " stays disabled")
            mouseClick(button)
            // Sent: every button waits for the outcome.
            verify(!findChild(supervised, "restartButton").enabled)
            verify(!findChild(supervised, "upgradeButton").enabled)
        }

        // The buttons against a real supervisor: each command goes through its
        // control channel, and what happened is checked in its published status.
        function test_consoleDrivesARealSupervisor() {
            const pid = testSharer.startSupervisor(["--workers=2", "--surge=50%",
                                                    "--listen=http=tcp:127.0.0.1:0", "--",
                                                    testSharer.toolPath("qrs-demo-worker")])
            verify(pid > 0)
            supervised.visible = true
            supervised.source = String(pid)
            tryVerify(() => supervisorStatus().ready === 2, 20000, "two workers ready")
            const outcome = findChild(supervised, "outcome")
            const workers = findChild(supervised, "workers")
            const timeline = findChild(supervised, "timeline")

            clickWhenEnabled("moreButton")
            tryCompare(outcome, "text", "Scale to 3: 3 workers ready", 20000)
            tryVerify(() => supervisorStatus().workers === 3 && supervisorStatus().ready === 3)
            tryCompare(workers, "count", 3)

            clickWhenEnabled("fewerButton")
            tryCompare(outcome, "text", "Scale to 2: 2 workers ready", 20000)
            tryVerify(() => supervisorStatus().workers === 2)

            clickWhenEnabled("restartButton")
            tryCompare(outcome, "text", "Rolling restart: 2 of 2 workers replaced", 30000)
            tryVerify(() => {
                const list = supervised.cacheModel.processStatus.workers || []
                return list.length === 2 && list.every(w => w.generation >= 1)
            }, 10000, "every worker replaced")

            // The restart of one worker: slot 0's row.
            tryVerify(() => workers.itemAtIndex(0) !== null)
            const row = workers.itemAtIndex(0)
            const slot = row.modelData.slot
            const generation = row.modelData.generation
            const restartRow = findChild(row, "restartWorkerButton")
            tryVerify(() => restartRow.enabled, 20000)
            mouseClick(restartRow)
            tryCompare(outcome, "text", "Restart of worker %1: done".arg(slot), 20000)
            tryVerify(() => (supervised.cacheModel.processStatus.workers || [])
                      .some(w => w.slot === slot && w.generation > generation))

            // Drawn: a bar per worker so far (2 + 1 + 2 + 1), each marked ready.
            tryVerify(() => timeline.bars >= 6 && timeline.readyMarks >= 6, 5000,
                      "bars " + timeline.bars + ", ready marks " + timeline.readyMarks)
            compare(timeline.crashMarks, 0)

            if (testSharer.consolePicturePath !== "") {
                let saved = false
                supervised.grabToImage(result => {
                    saved = result.saveToFile(testSharer.consolePicturePath)
                })
                tryVerify(() => saved, 5000, "the picture was not saved")
            }

            // An upgrade in place: the console follows the successor without reopening.
            clickWhenEnabled("upgradeButton")
            tryVerify(() => outcome.text.startsWith("Upgrade: pid "), 40000, outcome.text)
            const successor = Number(outcome.text.replace(/^Upgrade: pid (\d+) .*$/, "$1"))
            testSharer.adopt(successor)
            verify(successor > 0 && successor !== pid, outcome.text)
            tryCompare(supervised, "source", String(successor), 20000)
            tryVerify(() => supervisorStatus().pid === successor && supervisorStatus().ready === 2,
                      20000, "the successor's status")
            tryVerify(() => !testSharer.isAlive(pid), 20000, "the predecessor exited")
            clickWhenEnabled("moreButton")
            tryCompare(outcome, "text", "Scale to 3: 3 workers ready", 20000)
            supervised.visible = false
        }

        function test_worksInALoaderAtAnySize() {
            testSharer.registerPipe("tiny")
            const loader = createTemporaryObject(loaderComponent, root)
            verify(loader.item !== null)
            for (const size of [[120, 80], [1600, 900], [0, 0]]) {
                loader.width = size[0]
                loader.height = size[1]
                compare(loader.item.width, size[0])
                tryCompare(findChild(loader.item, "table"), "count", 1)
            }
        }

        Component {
            id: loaderComponent
            Loader { sourceComponent: loaderContent }
        }

        // Who may take a resource, as its rule says: the access column.
        function test_accessColumnShowsTheRule() {
            verify(testSharer.registerPipeFor("for-nobody", 65534, -1) !== "")
            verify(testSharer.registerPipeFor("for-a-group", -1, 65534) !== "")
            verify(testSharer.registerPipe("own") !== "")
            const table = findChild(panel, "table")
            tryCompare(table, "count", 3)
            let access = {}
            for (let row = 0; row < 3; ++row) {
                const item = rowItem(row)
                access[item.roles.name] = item.cells.access
            }
            compare(access["for-nobody"], "uid 65534")
            verify(access["for-a-group"].startsWith("group "), access["for-a-group"])
            compare(access["own"], "owner")
        }

        // Renders a populated panel offscreen; docs/panel.png comes from here.
        // qrs::Error in QML, by name.
        function test_errorCodes() {
            const id = testSharer.registerPipe("once")
            compare(testSharer.takeCode(id), Qrs.NoError)
            compare(testSharer.takeCode(id), Qrs.AlreadyTaken)
            compare(testSharer.takeCode("qrs1:nonsense"), Qrs.InvalidId)
            verify(Qrs.AlreadyTaken !== Qrs.Expired)
        }

        function test_picture() {
            testSharer.registerTcpListener("http", 0)
            testSharer.registerTcpListener("admin", 45000)
            testSharer.registerFile("config", "/etc/hostname")
            testSharer.registerMemfd("shared-cache")
            testSharer.registerPipe("log-pipe", 8000)
            const taken = testSharer.registerPipe("worker-1")
            verify(testSharer.take(taken))
            testSharer.registerPipe("old-lease", 1) // expires at once
            const table = findChild(panel, "table")
            tryCompare(table, "count", 7)
            tryVerify(() => panel.cacheModel.expiredCount >= 1)
            if (testSharer.picturePath === "")
                skip("QRS_PANEL_PICTURE is not set")
            let saved = false
            panel.grabToImage(result => { saved = result.saveToFile(testSharer.picturePath) })
            tryVerify(() => saved, 5000, "the picture was not saved")
        }
    }
}
