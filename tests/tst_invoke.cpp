// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// postTo and runIn (src/common/invoke_p.h): how every part of the library
// hands work to another thread. Under ThreadSanitizer the same tests check
// that the helpers tell TSan what Qt's queue guarantees, and the deliberate race
// at the end (run only by the tsan_canary ctest) that they tell it no more.
#include "common/invoke_p.h"

#include <QSemaphore>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using qrs::postTo;
using qrs::runIn;

namespace {
// A QObject living in a thread of its own, with its event loop running.
struct ObjectInThread
{
    QThread thread;
    QObject *object = new QObject;

    ObjectInThread()
    {
        thread.setObjectName(QStringLiteral("tst-invoke"));
        object->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, object, &QObject::deleteLater);
        thread.start();
    }
    ~ObjectInThread()
    {
        thread.quit();
        thread.wait();
    }
};
} // namespace

class tst_Invoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postToRunsInTheTargetsThreadInOrder()
    {
        ObjectInThread other;
        // Plain data, written here and read there: TSan would report it if
        // postTo did not order the two.
        std::vector<int> sent;
        auto received = std::make_shared<std::vector<int>>();
        auto threads = std::make_shared<std::vector<QThread *>>();
        QSemaphore done;
        for (int i = 0; i < 100; ++i) {
            sent.push_back(i);
            postTo(other.object, [i, copy = sent, received, threads, &done] {
                // What was sent with call i: 0..i.
                received->push_back(copy.size() == size_t(i + 1) ? i : -1);
                threads->push_back(QThread::currentThread());
                done.release();
            });
        }
        QVERIFY(done.tryAcquire(100, 10'000));
        // The semaphore is invisible to TSan: read what the other thread wrote
        // only after a runIn, which orders it.
        runIn(other.object, [] {});
        QCOMPARE(received->size(), size_t(100));
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(received->at(size_t(i)), i);
            QCOMPARE(threads->at(size_t(i)), &other.thread);
        }
    }

    void postToThisThreadWaitsForTheEventLoop()
    {
        bool ran = false;
        QObject here;
        postTo(&here, [&ran] { ran = true; });
        QVERIFY(!ran);
        QTRY_VERIFY(ran);
    }

    void runInReturnsWhatTheOtherThreadDid()
    {
        ObjectInThread other;
        QString text;
        QThread *ranIn = nullptr;
        for (int i = 0; i < 50; ++i) {
            runIn(other.object, [&] {
                text += QString::number(i);
                ranIn = QThread::currentThread();
            });
            // No wait: runIn has returned, so the other thread's writes are here.
            QVERIFY(text.endsWith(QString::number(i)));
            QCOMPARE(ranIn, &other.thread);
        }
    }

    // Qt frees a queued call in whichever thread drops the last reference:
    // the target's, or the caller's when the call has already run by then. The
    // destructor then reads what the run wrote, and TSan must see the order.
    void aPostedFunctionIsDestroyedAfterItRanInEitherThread()
    {
        ObjectInThread other;
        struct Witness
        {
            std::shared_ptr<std::atomic<QThread *>> destroyedIn;
            std::shared_ptr<std::atomic<int>> runsSeen;
            int runs = 0; // plain: written by the run, read by the destructor
            ~Witness()
            {
                if (runs > 0) {
                    runsSeen->store(runs);
                    destroyedIn->store(QThread::currentThread());
                }
            }
        };
        for (int i = 0; i < 50; ++i) {
            auto where = std::make_shared<std::atomic<QThread *>>(nullptr);
            auto runs = std::make_shared<std::atomic<int>>(0);
            postTo(other.object, [w = Witness{where, runs}]() mutable { ++w.runs; });
            QVERIFY(QTest::qWaitFor([&where] { return where->load() != nullptr; }, 5000));
            QCOMPARE(runs->load(), 1);
            QVERIFY(where->load() == &other.thread || where->load() == QThread::currentThread());
        }
    }

    // The tsan_canary ctest (TSan builds only) runs this and expects a report:
    // a write after postTo is not ordered before the posted function. Were it
    // silent, the annotations would hide real races, and the TSan run would
    // prove nothing.
    void deliberateRace()
    {
        if (!qEnvironmentVariableIsSet("QRS_TSAN_CANARY"))
            QSKIP("a deliberate data race: run by the tsan_canary test under TSan only");
        ObjectInThread other;
        int value = 0;
        // Relaxed: they order nothing for TSan. The posted function reads only
        // after the write below, and cannot finish (and be freed here, which
        // would order the two) before it.
        std::atomic<bool> written{false};
        std::atomic<bool> readThere{false};
        postTo(other.object, [&value, &written, &readThere] {
            while (!written.load(std::memory_order_relaxed))
                QThread::yieldCurrentThread();
            volatile int seen = value;
            Q_UNUSED(seen);
            readThere.store(true, std::memory_order_relaxed);
        });
        value = 1; // after the post: races with the read over there
        written.store(true, std::memory_order_relaxed);
        QTRY_VERIFY(readThere.load(std::memory_order_relaxed));
        runIn(other.object, [] {});
    }
};

QTEST_GUILESS_MAIN(tst_Invoke)
#include "tst_invoke.moc"
