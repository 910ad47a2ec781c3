// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A supervisor's console, from the status it publishes (CacheModel.processStatus):
// its workers as a table, buttons that send commands through its control
// channel (rolling restart, upgrade, one more, one fewer, restart of one
// worker) and say their outcome, and a timeline of the last minutes: each
// slot a row, each worker a bar from its start to its end, with readiness and
// unexpected exits marked, and handoffs per second beneath. SharerPanel shows
// it when the sharer's process is a supervisor.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtResourceSharer

ColumnLayout {
    id: board

    //! The CacheModel that follows the supervisor's sharer.
    required property CacheModel cacheModel
    //! Where commands go: the supervisor's pid (or its sharer's address).
    property string target: cacheModel.sharerPid > 0 ? String(cacheModel.sharerPid) : ""
    //! How much the timeline shows, in ms.
    property int timelineMs: 5 * 60 * 1000
    readonly property var status: cacheModel.processStatus
    // Typed (qrs::SupervisorStatus); the workers and history as published.
    readonly property var supervisor: cacheModel.supervisorStatus
    // By slot, then the newer worker after the one it replaces.
    readonly property var workerList: (status.workers || []).slice()
            .sort((a, b) => a.slot - b.slot || a.generation - b.generation)
    // Whether a command may be sent now: nothing else runs.
    readonly property bool idle: !control.busy && supervisor.valid
                                 && !supervisor.rolling && !supervisor.stopping
                                 && !supervisor.command && supervisor.upgrade.state !== "running"
    readonly property alias control: control

    spacing: 4

    function send(command) {
        if (!control.send(board.target, command))
            return
        outcome.ok = true
        outcome.text = qsTr("%1: under way…").arg(commandText(command))
    }

    function commandText(command) {
        switch (command.command) {
        case "restart": return qsTr("Rolling restart")
        case "upgrade": return qsTr("Upgrade")
        case "scale": return command.workers === undefined ? qsTr("Scaling")
                                                           : qsTr("Scale to %1").arg(command.workers)
        case "restart-worker": return command.slot === undefined ? qsTr("Restart of a worker")
                                                                 : qsTr("Restart of worker %1").arg(command.slot)
        }
        return command.command
    }

    function doneText(command, reply) {
        switch (command.command) {
        case "restart": return qsTr("%1 of %2 workers replaced").arg(reply.replaced).arg(reply.total)
        case "upgrade": return qsTr("pid %1 took over").arg(reply.successor)
        case "scale": return qsTr("%1 workers ready").arg(reply.ready)
        }
        return qsTr("done")
    }

    function stateText(w) {
        if (w.role === "retiring")
            return qsTr("stopping")
        if (w.role === "replacement")
            return w.ready ? qsTr("ready") : qsTr("replacing, starting")
        return w.ready ? qsTr("ready") : qsTr("starting")
    }

    function ago(since) {
        if (!since)
            return "–"
        const s = Math.max(0, Math.floor((board.clock - since) / 1000))
        if (s < 120)
            return qsTr("%1 s").arg(s)
        if (s < 7200)
            return qsTr("%1 min").arg(Math.floor(s / 60))
        return qsTr("%1 h").arg(Math.floor(s / 3600))
    }

    ProcessControl {
        id: control
        onFinished: (command, reply, error) => {
            if (error.length > 0) {
                outcome.ok = false
                outcome.text = qsTr("%1: cannot reach the supervisor: %2")
                        .arg(board.commandText(command)).arg(error)
            } else if (reply.ok) {
                outcome.ok = true
                outcome.text = "%1: %2".arg(board.commandText(command))
                        .arg(board.doneText(command, reply))
            } else {
                outcome.ok = false
                outcome.text = (reply.refused ? qsTr("%1 refused: %2") : qsTr("%1 failed: %2"))
                        .arg(board.commandText(command)).arg(reply.reason)
            }
        }
    }

    // Handoffs per second, sampled from the sharer's counters, for the timeline.
    property var handoffs: []
    // This machine's clock, once a second: what "ready since" and the timeline count from.
    property real clock: Date.now()
    Timer {
        property real lastTaken: -1
        interval: 1000
        repeat: true
        running: board.visible
        onTriggered: {
            board.clock = Date.now()
            const taken = board.cacheModel.takenCount
            if (lastTaken >= 0) {
                let samples = board.handoffs.slice(-Math.ceil(board.timelineMs / 1000) + 1)
                samples.push({ at: Date.now(), rate: Math.max(0, taken - lastTaken) })
                board.handoffs = samples
            }
            lastTaken = taken
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 6

        Label {
            objectName: "workersTitle"
            Layout.fillWidth: true
            font.bold: true
            elide: Text.ElideRight
            text: {
                const s = board.supervisor
                if (!s.valid)
                    return ""
                const upgrading = s.upgrade.state === "running"
                return qsTr("Workers: %1 of %2 ready%3").arg(s.ready).arg(s.workers)
                        .arg(s.stopping ? qsTr(", stopping")
                             : s.rolling ? qsTr(", a rolling restart is under way")
                             : upgrading ? qsTr(", upgrading in place (successor pid %1)")
                                                   .arg(s.upgrade.successor)
                             : s.command ? qsTr(", %1 under way").arg(board.commandText({ command: s.command }))
                             : "")
            }
        }
        Button {
            objectName: "restartButton"
            text: qsTr("Rolling restart")
            enabled: board.idle
            onClicked: board.send({ command: "restart" })
        }
        Button {
            objectName: "upgradeButton"
            text: qsTr("Upgrade")
            enabled: board.idle
            onClicked: board.send({ command: "upgrade" })
        }
        Button {
            objectName: "fewerButton"
            text: qsTr("One fewer")
            enabled: board.idle && board.supervisor.workers > 1
            onClicked: board.send({ command: "scale", workers: board.supervisor.workers - 1 })
        }
        Button {
            objectName: "moreButton"
            text: qsTr("One more")
            // A supervisor that does not say its most (maxWorkers 0) refuses
            // beyond it, and the outcome says so.
            enabled: board.idle && (board.supervisor.maxWorkers === 0
                                    || board.supervisor.workers < board.supervisor.maxWorkers)
            onClicked: board.send({ command: "scale", workers: board.supervisor.workers + 1 })
        }
    }

    Label {
        id: outcome
        objectName: "outcome"
        property bool ok: true
        Layout.fillWidth: true
        visible: text.length > 0
        elide: Text.ElideRight
        color: ok ? "#2b8a3e" : "#c92a2a"
    }

    // The workers: a header, then one row each.
    readonly property var columns: [
        { key: "slot", title: qsTr("Slot"), share: 0.06 },
        { key: "pid", title: qsTr("PID"), share: 0.09 },
        { key: "uid", title: qsTr("UID"), share: 0.07 },
        { key: "generation", title: qsTr("Gen."), share: 0.06 },
        { key: "state", title: qsTr("State"), share: 0.15 },
        { key: "readySince", title: qsTr("Ready since"), share: 0.11 },
        { key: "restarts", title: qsTr("Restarts"), share: 0.08 },
        { key: "status", title: qsTr("Status"), share: 0.26 },
        { key: "action", title: "", share: 0.12 }
    ]

    Row {
        Layout.fillWidth: true
        Repeater {
            model: board.columns
            delegate: Label {
                required property var modelData
                width: workersView.width * modelData.share
                leftPadding: 4
                elide: Text.ElideRight
                font.bold: true
                text: modelData.title
            }
        }
    }

    ListView {
        id: workersView
        objectName: "workers"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 140)
        clip: true
        model: board.workerList
        ScrollBar.vertical: ScrollBar { }
        delegate: Rectangle {
            id: workerRow
            required property var modelData
            width: workersView.width
            height: Math.max(26, restartWorker.implicitHeight)
            color: modelData.ready ? "#ebfbee" : modelData.role === "retiring" ? "#f1f3f5" : "#fff9db"
            readonly property var cells: ({
                "slot": String(modelData.slot),
                "pid": String(modelData.pid),
                "uid": modelData.uid === undefined ? "–" : String(modelData.uid),
                "generation": String(modelData.generation),
                "state": board.stateText(modelData),
                "readySince": modelData.ready ? board.ago(modelData.readySince) : "–",
                "restarts": String(modelData.restarts || 0),
                "status": modelData.status || ""
            })
            // What a test reads: the cells in order.
            readonly property string text: [cells.slot, cells.pid, cells.uid, cells.generation,
                                            cells.state, cells.restarts, cells.status].join(" | ")
            Row {
                anchors.fill: parent
                Repeater {
                    model: board.columns.length - 1
                    delegate: Label {
                        required property int index
                        width: workersView.width * board.columns[index].share
                        height: workerRow.height
                        leftPadding: 4
                        verticalAlignment: Text.AlignVCenter
                        elide: Text.ElideRight
                        text: workerRow.cells[board.columns[index].key]
                    }
                }
                Button {
                    id: restartWorker
                    objectName: "restartWorkerButton"
                    width: workersView.width * board.columns[board.columns.length - 1].share
                    height: workerRow.height
                    flat: true
                    text: qsTr("Restart")
                    visible: workerRow.modelData.role === "active"
                    enabled: board.idle
                    onClicked: board.send({ command: "restart-worker", slot: workerRow.modelData.slot })
                }
            }
        }
    }

    Label {
        text: qsTr("Timeline, last %1 min").arg(Math.round(board.timelineMs / 60000))
        font.bold: true
    }

    // The timeline, drawn: a row per slot, a bar per worker.
    Canvas {
        id: timeline
        objectName: "timeline"
        // What was drawn last: bars, readiness marks and unexpected exits.
        property int bars: 0
        property int readyMarks: 0
        property int crashMarks: 0
        Layout.fillWidth: true
        Layout.preferredHeight: 24 + 14 * Math.max(1, board.supervisor.workers || 1) + 30
        Connections {
            target: board
            function onStatusChanged() { timeline.requestPaint() }
            function onHandoffsChanged() { timeline.requestPaint() }
        }
        onWidthChanged: requestPaint()

        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.fillStyle = "#f8f9fa"
            ctx.fillRect(0, 0, width, height)
            const s = board.supervisor
            const now = Date.now()
            const from = now - board.timelineMs
            const left = 28
            const slots = Math.max(1, s.workers || 1)
            let rows = slots
            const all = (board.status.history || []).concat(board.workerList)
            for (const w of all)
                rows = Math.max(rows, w.slot + 1)
            const rowHeight = 14
            const x = t => left + (width - left - 4) * Math.max(0, t - from) / board.timelineMs
            ctx.font = "10px sans-serif"
            // A line a minute, the newest at the right edge.
            ctx.fillStyle = "#dee2e6"
            for (let m = 1; m * 60000 < board.timelineMs; ++m)
                ctx.fillRect(x(now - m * 60000), 0, 1, height - 28)
            ctx.fillStyle = "#495057"
            for (let slot = 0; slot < rows; ++slot)
                ctx.fillText(String(slot), 4, 4 + slot * rowHeight + 10)
            let bars = 0, readyMarks = 0, crashMarks = 0
            for (const w of all) {
                if (!w.started)
                    continue
                const end = w.ended || now
                if (end < from)
                    continue
                const y = 4 + w.slot * rowHeight + 2
                const readyAt = w.readySince || 0
                // Starting: amber, until ready; ready: green.
                ctx.fillStyle = "#ffd43b"
                ctx.fillRect(x(w.started), y, Math.max(1, x(readyAt || end) - x(w.started)), rowHeight - 4)
                if (readyAt) {
                    ctx.fillStyle = w.role === "retiring" ? "#adb5bd" : "#51cf66"
                    ctx.fillRect(x(readyAt), y, Math.max(1, x(end) - x(readyAt)), rowHeight - 4)
                    ctx.fillStyle = "#2b8a3e"
                    ctx.fillRect(x(readyAt) - 1, y - 2, 2, rowHeight)
                    ++readyMarks
                }
                if (w.ended && w.unexpected) {
                    ctx.strokeStyle = "#c92a2a"
                    ctx.lineWidth = 2
                    ctx.beginPath()
                    ctx.moveTo(x(end) - 4, y - 1)
                    ctx.lineTo(x(end) + 4, y + rowHeight - 3)
                    ctx.moveTo(x(end) + 4, y - 1)
                    ctx.lineTo(x(end) - 4, y + rowHeight - 3)
                    ctx.stroke()
                    ++crashMarks
                }
                ++bars
            }
            // Handoffs per second beneath.
            const base = height - 4
            const samples = board.handoffs
            let top = 1
            for (const h of samples)
                top = Math.max(top, h.rate)
            ctx.fillStyle = "#1971c2"
            for (const h of samples) {
                const barHeight = 22 * h.rate / top
                ctx.fillRect(x(h.at - 1000), base - barHeight, Math.max(1, x(h.at) - x(h.at - 1000) - 1), barHeight)
            }
            ctx.fillStyle = "#495057"
            ctx.fillText(qsTr("handoffs/s, up to %1").arg(top), left, base - 24)
            timeline.bars = bars
            timeline.readyMarks = readyMarks
            timeline.crashMarks = crashMarks
        }
    }
}
