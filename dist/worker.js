import { createRequire as __ckptCreateRequire } from 'node:module'; const require = __ckptCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable2 = stream.Readable;
    var PassThrough = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options3) {
      return new ReadStream(this, options3);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable2);
    function ReadStream(context, options3) {
      options3 = options3 || {};
      Readable2.call(this, options3);
      this.context = context;
      this.context.ref();
      this.start = options3.start || 0;
      this.endOffset = options3.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n2) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n2);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options3) {
      options3 = options3 || {};
      var readStream = new PassThrough(options3);
      readStream.start = options3.start || 0;
      readStream.endOffset = options3.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc32(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc32;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs = __require("fs");
    var zlib = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform = __require("stream").Transform;
    var PassThrough = __require("stream").PassThrough;
    var Writable = __require("stream").Writable;
    var crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : require_crc32();
    exports.open = open2;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path, options3) {
      return new Promise((resolve2, reject) => {
        open2(path, { ...options3, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options3) {
      return new Promise((resolve2, reject) => {
        fromFd(fd, { ...options3, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options3) {
      return new Promise((resolve2, reject) => {
        fromBuffer(buffer, { ...options3, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader, totalSize, options3) {
      return new Promise((resolve2, reject) => {
        fromRandomAccessReader(reader, totalSize, { ...options3, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function open2(path, options3, callback) {
      if (typeof options3 === "function") {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) options3 = {};
      if (options3.autoClose == null) options3.autoClose = true;
      if (options3.lazyEntries == null) options3.lazyEntries = false;
      if (options3.decodeStrings == null) options3.decodeStrings = true;
      if (options3.validateEntrySizes == null) options3.validateEntrySizes = true;
      if (options3.strictFileNames == null) options3.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.open(path, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options3, function(err2, zipfile) {
          if (err2) fs.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options3, callback) {
      if (typeof options3 === "function") {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) options3 = {};
      if (options3.autoClose == null) options3.autoClose = false;
      if (options3.lazyEntries == null) options3.lazyEntries = false;
      if (options3.decodeStrings == null) options3.decodeStrings = true;
      if (options3.validateEntrySizes == null) options3.validateEntrySizes = true;
      if (options3.strictFileNames == null) options3.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.fstat(fd, function(err, stats2) {
        if (err) return callback(err);
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats2.size, options3, callback);
      });
    }
    function fromBuffer(buffer, options3, callback) {
      if (typeof options3 === "function") {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) options3 = {};
      options3.autoClose = false;
      if (options3.lazyEntries == null) options3.lazyEntries = false;
      if (options3.decodeStrings == null) options3.decodeStrings = true;
      if (options3.validateEntrySizes == null) options3.validateEntrySizes = true;
      if (options3.strictFileNames == null) options3.strictFileNames = false;
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options3, callback);
    }
    function fromRandomAccessReader(reader, totalSize, options3, callback) {
      if (typeof options3 === "function") {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) options3 = {};
      if (options3.autoClose == null) options3.autoClose = true;
      if (options3.lazyEntries == null) options3.lazyEntries = false;
      if (options3.decodeStrings == null) options3.decodeStrings = true;
      var decodeStrings = !!options3.decodeStrings;
      if (options3.validateEntrySizes == null) options3.validateEntrySizes = true;
      if (options3.strictFileNames == null) options3.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
          }
          var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options3.autoClose, options3.lazyEntries, decodeStrings, options3.validateEntrySizes, options3.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options3.autoClose, options3.lazyEntries, decodeStrings, options3.validateEntrySizes, options3.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize;
      self.entryCount = entryCount;
      self.comment = comment;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage = validateFileName(entry.fileName);
            if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve: resolve2 } = pendingResolveReject;
        pendingResolveReject = null;
        resolve2({ value: entry });
      }
      function onEnd() {
        let { resolve: resolve2 } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve2({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve2, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve: resolve2, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options3, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) {
        options3 = {};
      } else {
        if (options3.decodeFileData === false) {
          if (options3.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options3.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options3.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options3.decrypt !== false) throw new Error("invalid options.decrypt value: " + options3.decrypt);
            if (entry.isCompressed()) {
              if (options3.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options3.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options3.decompress === false || options3.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options3.decompress);
            }
            decompress = options3.decompress;
          }
        }
        if (options3.start != null) {
          relativeStart = options3.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options3.end != null) {
          relativeEnd = options3.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options3.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options3.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options3.decrypt === false);
      if (options3.start != null || options3.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options3.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options3.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options3, callback) {
      var self = this;
      if (callback == null) {
        callback = options3;
        options3 = null;
      }
      if (options3 == null) options3 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options3.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options3) {
      return new Promise((resolve2, reject) => {
        this.openReadStream(entry, options3, function(err, readStream) {
          if (err) return reject(err);
          resolve2(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve2, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve2(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options3) {
      return new Promise((resolve2, reject) => {
        this.readLocalFileHeader(entry, options3, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve2(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options3) {
      if (options3 == null) options3 = {};
      if (!options3.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options3.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc32(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform);
    function AssertByteCountStream(byteCount) {
      Transform.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options3) {
      if (options3 == null) options3 = {};
      var start = options3.start;
      var end = options3.end;
      if (start === end) {
        var emptyStream = new PassThrough();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error) {
        callback(error);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough);
    function RefUnrefFilter(context) {
      PassThrough.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n2 = node.value;
          return n2 == null || allowScalar && identity.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options3) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options3);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options3) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options3);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i = n2.indexOf(".");
        if (i < 0) {
          i = n2.length;
          n2 += ".";
        }
        let d = minFractionDigits - (n2.length - i - 1);
        while (d-- > 0)
          n2 += "0";
      }
      return n2;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str.length / lineWidth);
          const lines = new Array(n2);
          for (let i = 0, o = 0; i < n2; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n3 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str, radix);
      return sign === "-" ? -1 * n2 : n2;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n2) => n2;
      if (typeof value === "bigint")
        num = (n2) => BigInt(n2);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options3) {
      const lines = [];
      let hasDirectives = options3.directives === true;
      if (options3.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options3);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options3) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options3 === void 0 && replacer) {
          options3 = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options3);
        this.options = opt;
        let { version } = opt;
        if (options3?._directives) {
          this.directives = options3._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options3);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options3);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options3) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options3 === void 0 && replacer) {
          options3 = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options3 ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options3 = {}) {
        const k = this.createNode(key, null, options3);
        const v = this.createNode(value, null, options3);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options3 = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options3.schema instanceof Object)
          this.schema = options3.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options3));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options3 = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options3 && (!Number.isInteger(options3.indent) || Number(options3.indent) <= 0)) {
          const s = JSON.stringify(options3.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options3);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent && n2)
            indent = n2;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options: options3 }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options3.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options3, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options3);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options3 = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options3.version || "1.2" });
        this.options = options3;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n2);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line[n2]) {
          case "#":
            yield* this.pushCount(line.length - n2);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n2);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n2 = 0;
        while (line[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n2);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i;
        }
        return n2;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n2) {
        return this.stack[this.stack.length - n2];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options3) {
      const prettyErrors = options3.prettyErrors !== false;
      const lineCounter$1 = options3.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options3 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options3);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options3);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options3 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options3);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options3);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options3) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options3 === void 0 && reviver && typeof reviver === "object") {
        options3 = reviver;
      }
      const doc = parseDocument(src, options3);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options3));
    }
    function stringify(value, replacer, options3) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options3 === void 0 && replacer) {
        options3 = replacer;
      }
      if (typeof options3 === "string")
        options3 = options3.length;
      if (typeof options3 === "number") {
        const indent = Math.round(options3);
        options3 = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options3 ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options3);
      return new Document.Document(value, _replacer, options3).toString(options3);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/workers/worker.ts
import { parentPort } from "node:worker_threads";

// src/checkpoint/open.ts
import { stat as stat3 } from "node:fs/promises";

// src/checkpoint/byte-source.ts
import { open } from "node:fs/promises";

// src/checkpoint/errors.ts
var CheckpointError = class extends Error {
  reason;
  /** Globals recorded before the failure: a payload followed by a broken tail is still reported. */
  globals = [];
  constructor(reason, message) {
    super(message);
    this.name = "CheckpointError";
    this.reason = reason;
  }
};
function n(value) {
  return value.toLocaleString("en-US");
}

// src/checkpoint/byte-source.ts
var DEFAULT_READ_CAP = 256 * 1024 * 1024;
async function openFileSource(path) {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  const fill = async (buffer, offset) => {
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done);
      if (bytesRead === 0) throw new CheckpointError("truncated", `${path}: file shrank while reading at ${n(offset + done)}`);
      done += bytesRead;
    }
  };
  return {
    path,
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(length);
      await fill(buffer, offset);
      return buffer;
    },
    readInto: (offset, target) => fill(target, offset),
    close: () => handle.close()
  };
}
function memorySource(path, bytes) {
  return {
    path,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    close: async () => {
    }
  };
}
function checkRange(src, offset, length, what, cap) {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
    throw new CheckpointError("corrupt", `${what}: invalid range ${offset} + ${length}`);
  if (offset + length > src.size)
    throw new CheckpointError("truncated", `${what} overflows the file: ${n(offset)} + ${n(length)} > ${n(src.size)}`);
  if (length > cap)
    throw new CheckpointError("too-large", `${what} is ${n(length)} bytes; the limit is ${n(cap)}`);
}
async function readRange(src, offset, length, what, cap = DEFAULT_READ_CAP) {
  checkRange(src, offset, length, what, cap);
  return src.read(offset, length);
}
async function readRangeInto(src, offset, target, what) {
  if (src.readInto === void 0) return readRange(src, offset, target.length, what);
  checkRange(src, offset, target.length, what, DEFAULT_READ_CAP);
  await src.readInto(offset, target);
  return target;
}

// src/checkpoint/dtypes.ts
var table = [
  { name: "float64", itemSize: 8, kind: "float" },
  { name: "float32", itemSize: 4, kind: "float" },
  { name: "float16", itemSize: 2, kind: "float" },
  { name: "bfloat16", itemSize: 2, kind: "float" },
  { name: "float8_e5m2", itemSize: 1, kind: "opaque" },
  { name: "float8_e4m3fn", itemSize: 1, kind: "opaque" },
  { name: "float8_e5m2fnuz", itemSize: 1, kind: "opaque" },
  { name: "float8_e4m3fnuz", itemSize: 1, kind: "opaque" },
  { name: "float8_e8m0fnu", itemSize: 1, kind: "opaque" },
  { name: "int64", itemSize: 8, kind: "int" },
  { name: "int32", itemSize: 4, kind: "int" },
  { name: "int16", itemSize: 2, kind: "int" },
  { name: "int8", itemSize: 1, kind: "int" },
  { name: "uint64", itemSize: 8, kind: "uint" },
  { name: "uint32", itemSize: 4, kind: "uint" },
  { name: "uint16", itemSize: 2, kind: "uint" },
  { name: "uint8", itemSize: 1, kind: "uint" },
  { name: "bool", itemSize: 1, kind: "bool" },
  { name: "complex128", itemSize: 16, kind: "complex" },
  { name: "complex64", itemSize: 8, kind: "complex" },
  { name: "complex32", itemSize: 4, kind: "complex" },
  { name: "qint8", itemSize: 1, kind: "quantized" },
  { name: "quint8", itemSize: 1, kind: "quantized" },
  { name: "qint32", itemSize: 4, kind: "quantized" },
  { name: "quint4x2", itemSize: 1, kind: "quantized" },
  { name: "quint2x4", itemSize: 1, kind: "quantized" }
];
var byName = new Map(table.map((d) => [d.name, d]));
function dtypeInfo(name) {
  return byName.get(name);
}
var STORAGE_DTYPES = {
  DoubleStorage: "float64",
  FloatStorage: "float32",
  HalfStorage: "float16",
  BFloat16Storage: "bfloat16",
  LongStorage: "int64",
  IntStorage: "int32",
  ShortStorage: "int16",
  CharStorage: "int8",
  ByteStorage: "uint8",
  BoolStorage: "bool",
  ComplexDoubleStorage: "complex128",
  ComplexFloatStorage: "complex64",
  QInt8Storage: "qint8",
  QUInt8Storage: "quint8",
  QInt32Storage: "qint32",
  QUInt4x2Storage: "quint4x2",
  QUInt2x4Storage: "quint2x4",
  UntypedStorage: "uint8",
  TypedStorage: "uint8"
};
function storageDtype(className) {
  return STORAGE_DTYPES[className];
}
var TORCH_DTYPE_ALIASES = {
  double: "float64",
  float: "float32",
  half: "float16",
  long: "int64",
  int: "int32",
  short: "int16",
  cfloat: "complex64",
  cdouble: "complex128"
};
function torchDtype(name) {
  const canonical = TORCH_DTYPE_ALIASES[name] ?? name;
  return byName.has(canonical) ? canonical : void 0;
}
var SAFETENSORS_DTYPES = {
  F64: "float64",
  F32: "float32",
  F16: "float16",
  BF16: "bfloat16",
  I64: "int64",
  I32: "int32",
  I16: "int16",
  I8: "int8",
  U64: "uint64",
  U32: "uint32",
  U16: "uint16",
  U8: "uint8",
  BOOL: "bool",
  F8_E5M2: "float8_e5m2",
  F8_E4M3: "float8_e4m3fn",
  C64: "complex64"
};
function safetensorsDtype(name) {
  return SAFETENSORS_DTYPES[name];
}
function numpyDtype(code) {
  const map = {
    f8: "float64",
    f4: "float32",
    f2: "float16",
    i8: "int64",
    i4: "int32",
    i2: "int16",
    i1: "int8",
    u8: "uint64",
    u4: "uint32",
    u2: "uint16",
    u1: "uint8",
    b1: "bool",
    c16: "complex128",
    c8: "complex64"
  };
  return map[code.replace(/^[<>|=]/, "")];
}
function decodeElement(bytes, index, dtype, littleEndian = true) {
  const info = byName.get(dtype);
  if (info === void 0) throw new Error(`unknown dtype ${dtype}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + index * info.itemSize, info.itemSize);
  switch (dtype) {
    case "float64":
      return view.getFloat64(0, littleEndian);
    case "float32":
      return view.getFloat32(0, littleEndian);
    case "float16":
      return halfToNumber(view.getUint16(0, littleEndian));
    case "bfloat16":
      return bfloat16ToNumber(view.getUint16(0, littleEndian));
    case "int64":
      return narrow(view.getBigInt64(0, littleEndian));
    case "uint64":
      return narrow(view.getBigUint64(0, littleEndian));
    case "int32":
      return view.getInt32(0, littleEndian);
    case "uint32":
      return view.getUint32(0, littleEndian);
    case "int16":
      return view.getInt16(0, littleEndian);
    case "uint16":
      return view.getUint16(0, littleEndian);
    case "int8":
    case "qint8":
      return view.getInt8(0);
    case "uint8":
    case "quint8":
      return view.getUint8(0);
    case "bool":
      return view.getUint8(0) !== 0;
    default:
      throw new Error(`dtype ${dtype} has no scalar decoding`);
  }
}
function narrow(value) {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
function halfToNumber(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >> 10 & 31;
  const fraction = bits & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
var bf16Scratch = new DataView(new ArrayBuffer(4));
function bfloat16ToNumber(bits) {
  bf16Scratch.setUint32(0, bits << 16);
  return bf16Scratch.getFloat32(0);
}

// src/checkpoint/pickle/values.ts
var PyGlobal = class {
  module;
  name;
  constructor(module, name) {
    this.module = module;
    this.name = name;
  }
  get qualified() {
    return `${this.module}.${this.name}`;
  }
};
var PyTuple = class {
  items;
  constructor(items) {
    this.items = items;
  }
};
var PySet = class {
  items;
  frozen;
  constructor(items, frozen) {
    this.items = items;
    this.frozen = frozen;
  }
};
var PyDict = class {
  entries = /* @__PURE__ */ new Map();
  className;
  state;
  constructor(className = "builtins.dict") {
    this.className = className;
  }
};
var PyObject = class {
  callable;
  args;
  kwargs;
  state;
  items;
  list;
  constructor(callable, args) {
    this.callable = callable;
    this.args = args;
  }
  get qualified() {
    return this.callable?.qualified ?? "<computed>";
  }
};
var PyScalar = class {
  value;
  dtype;
  constructor(value, dtype) {
    this.value = value;
    this.dtype = dtype;
  }
};
var StorageRef = class {
  key;
  /** dtype of the storage class (`uint8` for untyped storages). */
  dtype;
  /** Element count as declared in the persistent id (bytes for untyped storages). */
  numel;
  location;
  constructor(key, dtype, numel, location) {
    this.key = key;
    this.dtype = dtype;
    this.numel = numel;
    this.location = location;
  }
};
var TensorRef = class {
  storage;
  dtype;
  offset;
  shape;
  stride;
  requiresGrad;
  /** Value of a 0-dim (or one-element) tensor, filled in by the reader when cheap to read. */
  scalar;
  constructor(storage, dtype, offset, shape, stride, requiresGrad) {
    this.storage = storage;
    this.dtype = dtype;
    this.offset = offset;
    this.shape = shape;
    this.stride = stride;
    this.requiresGrad = requiresGrad;
  }
  get numel() {
    return this.shape.reduce((a, b) => a * b, 1);
  }
};
function toKey(value) {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return value;
  return repr(value, KEY_NODES);
}
var REPR_NODES = 16;
var KEY_NODES = 4;
function repr(value, nodes = REPR_NODES) {
  const budget = { nodes };
  return reprWithin(value, 0, budget);
}
function reprWithin(value, depth, budget) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return bigintRepr(value);
  if (typeof value === "string") return JSON.stringify(value.length > 200 ? value.slice(0, 200) + "…" : value);
  if (value instanceof Uint8Array) return `b<${value.length} bytes>`;
  if (value instanceof PyGlobal) return value.qualified;
  if (value instanceof PyScalar) return typeof value.value === "bigint" ? bigintRepr(value.value) : String(value.value);
  if (value instanceof TensorRef) return `tensor(${value.dtype}, [${value.shape.join(", ")}])`;
  if (value instanceof StorageRef) return `storage(${value.key})`;
  if (depth > 4 || --budget.nodes < 0) return "…";
  const list = (items) => `${items.slice(0, 8).map((v) => reprWithin(v, depth + 1, budget)).join(", ")}${items.length > 8 ? ", …" : ""}`;
  if (Array.isArray(value)) return `[${list(value)}]`;
  if (value instanceof PyTuple) return `(${list(value.items)}${value.items.length === 1 ? "," : ""})`;
  if (value instanceof PySet) return `{${list(value.items)}}`;
  if (value instanceof PyDict) {
    const shown = [];
    for (const [k, v] of value.entries) {
      if (shown.length === 8) {
        shown.push("…");
        break;
      }
      shown.push(`${reprWithin(k, depth + 1, budget)}: ${reprWithin(v, depth + 1, budget)}`);
    }
    return `{${shown.join(", ")}}`;
  }
  return `${value.qualified}(…)`;
}
function bigintRepr(value) {
  const bits = value < 0n ? (-value).toString(16).length * 4 : value.toString(16).length * 4;
  return bits <= 256 ? String(value) : `<int of ${bits} bits>`;
}

// src/checkpoint/pickle/machine.ts
var DEFAULT_PICKLE_LIMITS = {
  maxOpcodes: 5e7,
  maxStackItems: 5e6,
  maxMemo: 2e6,
  maxLineLength: 64 * 1024
};
var NeedMoreBytes = class extends Error {
};
var utf8 = new TextDecoder("utf-8", { fatal: true });
var latin1 = new TextDecoder("latin1");
function runPickle(bytes, start, hooks, what, complete = true, limits = DEFAULT_PICKLE_LIMITS) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  let opStart = start;
  let stack = [];
  const metastack = [];
  let stackItems = 0;
  const memo = /* @__PURE__ */ new Map();
  let protocol = 0;
  const fail = (message) => {
    throw new CheckpointError("corrupt", `${what}: ${message} at byte ${n(opStart)}`);
  };
  const need = (count) => {
    if (count < 0 || !Number.isSafeInteger(count)) fail(`invalid length ${count}`);
    if (pos + count > bytes.length) {
      if (!complete) throw new NeedMoreBytes();
      throw new CheckpointError("truncated", `${what}: the pickle needs ${n(count)} bytes at byte ${n(pos)} but the stream ends at ${n(bytes.length)}`);
    }
  };
  const take = (count) => {
    need(count);
    const out2 = bytes.subarray(pos, pos + count);
    pos += count;
    return out2;
  };
  const u8 = () => {
    need(1);
    return bytes[pos++];
  };
  const u16 = () => {
    need(2);
    const v = view.getUint16(pos, true);
    pos += 2;
    return v;
  };
  const u32 = () => {
    need(4);
    const v = view.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const i32 = () => {
    need(4);
    const v = view.getInt32(pos, true);
    pos += 4;
    return v;
  };
  const u64 = () => {
    need(8);
    const v = view.getBigUint64(pos, true);
    pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail(`8-byte length ${v} is beyond any real file`);
    return Number(v);
  };
  const lineBytes = () => {
    const limit = Math.min(bytes.length, pos + limits.maxLineLength);
    for (let i = pos; i < limit; i++) {
      if (bytes[i] === 10) {
        const raw = bytes.subarray(pos, i);
        pos = i + 1;
        return raw;
      }
    }
    if (limit === bytes.length && bytes.length - pos < limits.maxLineLength) need(bytes.length - pos + 1);
    throw new CheckpointError("too-large", `${what}: text line longer than ${n(limits.maxLineLength)} bytes at byte ${n(opStart)}`);
  };
  const line = () => {
    const raw = lineBytes();
    return shortAscii(raw) ?? latin1.decode(raw);
  };
  const utf8Line = () => {
    const raw = lineBytes();
    const ascii = shortAscii(raw);
    if (ascii !== void 0) return ascii;
    try {
      return utf8.decode(raw);
    } catch {
      return fail("name is not valid UTF-8");
    }
  };
  const decodeUtf8 = (raw) => decodeSurrogatepass(raw) ?? fail("string is not valid UTF-8");
  const push = (value) => {
    if (++stackItems > limits.maxStackItems) fail(`more than ${n(limits.maxStackItems)} stack items`);
    stack.push(value);
  };
  const pop = () => {
    if (stack.length === 0) fail("stack underflow");
    stackItems--;
    return stack.pop();
  };
  const top = () => {
    if (stack.length === 0) fail("stack underflow");
    return stack[stack.length - 1];
  };
  const popMark = () => {
    const items = stack;
    const previous = metastack.pop();
    if (previous === void 0) return fail("MARK underflow");
    stack = previous;
    stackItems -= items.length;
    return items;
  };
  const memoGet = (index) => {
    if (!memo.has(index)) fail(`memo slot ${index} was never set`);
    return memo.get(index);
  };
  const memoPut = (index) => {
    if (memo.size >= limits.maxMemo && !memo.has(index)) fail(`more than ${n(limits.maxMemo)} memo entries`);
    memo.set(index, top());
  };
  const setItems = (target, pairs) => {
    if (pairs.length % 2 !== 0) fail("SETITEMS with an odd number of items");
    if (Array.isArray(target)) return setListItems(target, pairs);
    const map = mapOf(target);
    if (map !== void 0) for (let i = 0; i < pairs.length; i += 2) map.set(toKey(pairs[i]), pairs[i + 1]);
  };
  const appendItems = (target, items) => {
    const list = listOf(target);
    if (list !== void 0) for (const item of items) list.push(item);
  };
  for (let opcodes = 0; ; opcodes++) {
    if (opcodes >= limits.maxOpcodes) fail(`more than ${n(limits.maxOpcodes)} opcodes`);
    opStart = pos;
    const op = u8();
    switch (op) {
      case 128: {
        const version = u8();
        if (version > 5) fail(`unsupported pickle protocol ${version}`);
        protocol = version;
        break;
      }
      case 149: {
        need(u64());
        break;
      }
      case 46: {
        const value = pop();
        return { value, end: pos, protocol };
      }
      case 40:
        metastack.push(stack);
        stack = [];
        if (metastack.length > 1e5) fail("MARKs nested deeper than 100,000");
        break;
      // MARK
      case 48:
        if (stack.length > 0) pop();
        else popMark();
        break;
      // POP
      case 49:
        popMark();
        break;
      // POP_MARK
      case 50:
        push(top());
        break;
      // DUP
      case 78:
        push(null);
        break;
      // NONE
      case 136:
        push(true);
        break;
      // NEWTRUE
      case 137:
        push(false);
        break;
      // NEWFALSE
      case 74:
        push(i32());
        break;
      // BININT
      case 75:
        push(u8());
        break;
      // BININT1
      case 77:
        push(u16());
        break;
      // BININT2
      case 138:
        push(decodeLong(take(u8())));
        break;
      // LONG1
      case 139: {
        const length = i32();
        if (length < 0) fail(`negative LONG4 length ${length}`);
        push(decodeLong(take(length)));
        break;
      }
      case 73: {
        const text = line().trim();
        if (text === "00") push(false);
        else if (text === "01") push(true);
        else push(parseIntText(text, fail));
        break;
      }
      case 76:
        push(parseIntText(line().trim().replace(/L$/, ""), fail));
        break;
      // LONG (text), `int(text, 0)` too
      case 70:
        push(parseFloatText(line().trim()));
        break;
      // FLOAT (text): repr(float), so `inf` and `nan` too
      case 71: {
        need(8);
        push(view.getFloat64(pos, false));
        pos += 8;
        break;
      }
      // BINFLOAT, big-endian
      case 83:
        push(unquotePythonString(line(), fail));
        break;
      // STRING (text, quoted)
      case 84: {
        const length = i32();
        if (length < 0) fail(`negative BINSTRING length ${length}`);
        push(latin1.decode(take(length)));
        break;
      }
      case 85:
        push(latin1.decode(take(u8())));
        break;
      // SHORT_BINSTRING
      case 86:
        push(rawUnicodeEscape(line()));
        break;
      // UNICODE (text)
      case 88:
        push(decodeUtf8(take(u32())));
        break;
      // BINUNICODE
      case 140:
        push(decodeUtf8(take(u8())));
        break;
      // SHORT_BINUNICODE
      case 141:
        push(decodeUtf8(take(u64())));
        break;
      // BINUNICODE8
      case 66:
        push(take(u32()).slice());
        break;
      // BINBYTES
      case 67:
        push(take(u8()).slice());
        break;
      // SHORT_BINBYTES
      case 142:
        push(take(u64()).slice());
        break;
      // BINBYTES8
      case 150:
        push(take(u64()).slice());
        break;
      // BYTEARRAY8
      case 151:
        fail("out-of-band buffers (protocol 5 NEXT_BUFFER) are not supported: pickle.load without buffers refuses them too");
        break;
      case 152:
        top();
        break;
      // READONLY_BUFFER: CPython makes the bytes on top read-only, buffers or not
      case 41:
        push(new PyTuple([]));
        break;
      // EMPTY_TUPLE
      case 116:
        push(new PyTuple(popMark()));
        break;
      // TUPLE
      case 133:
        push(new PyTuple([pop()]));
        break;
      // TUPLE1
      case 134: {
        const b = pop();
        const a = pop();
        push(new PyTuple([a, b]));
        break;
      }
      // TUPLE2
      case 135: {
        const c = pop();
        const b = pop();
        const a = pop();
        push(new PyTuple([a, b, c]));
        break;
      }
      // TUPLE3
      case 93:
        push([]);
        break;
      // EMPTY_LIST
      case 108:
        push(popMark());
        break;
      // LIST
      case 125:
        push(new PyDict());
        break;
      // EMPTY_DICT
      case 100: {
        const dict = new PyDict();
        setItems(dict, popMark());
        push(dict);
        break;
      }
      // DICT
      case 143:
        push(new PySet([], false));
        break;
      // EMPTY_SET
      case 145:
        push(new PySet(popMark(), true));
        break;
      // FROZENSET
      case 144: {
        const items = popMark();
        const target = top();
        if (target instanceof PySet) for (const item of items) target.items.push(item);
        break;
      }
      case 97: {
        const value = pop();
        appendItems(top(), [value]);
        break;
      }
      // APPEND
      case 101: {
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      // APPENDS
      case 115: {
        const value = pop();
        const key = pop();
        setItems(top(), [key, value]);
        break;
      }
      // SETITEM
      case 117: {
        const items = popMark();
        setItems(top(), items);
        break;
      }
      // SETITEMS
      case 112:
        memoPut(parseIntStrict(line(), fail));
        break;
      // PUT (text)
      case 113:
        memoPut(u8());
        break;
      // BINPUT
      case 114:
        memoPut(u32());
        break;
      // LONG_BINPUT
      case 148:
        memoPut(memo.size);
        break;
      // MEMOIZE
      case 103:
        push(memoGet(parseIntStrict(line(), fail)));
        break;
      // GET (text)
      case 104:
        push(memoGet(u8()));
        break;
      // BINGET
      case 106:
        push(memoGet(u32()));
        break;
      // LONG_BINGET
      case 99: {
        const module = utf8Line();
        const name = utf8Line();
        push(hooks.findClass(module, name, opStart));
        break;
      }
      // GLOBAL
      case 147: {
        const name = pop();
        const module = pop();
        push(hooks.findClass(module, name, opStart));
        break;
      }
      // STACK_GLOBAL
      case 105: {
        const module = utf8Line();
        const name = utf8Line();
        const args = popMark();
        const cls = hooks.findClass(module, name, opStart);
        push(hooks.instantiate(cls, args, void 0, opStart));
        break;
      }
      case 111: {
        const items = popMark();
        if (items.length === 0) fail("OBJ without a class");
        push(hooks.instantiate(items[0], items.slice(1), void 0, opStart));
        break;
      }
      case 129: {
        const args = pop();
        const cls = pop();
        push(hooks.instantiate(cls, tupleItems(args, "NEWOBJ", fail), void 0, opStart));
        break;
      }
      // NEWOBJ
      case 146: {
        const kwargs = pop();
        const args = pop();
        const cls = pop();
        push(hooks.instantiate(cls, tupleItems(args, "NEWOBJ_EX", fail), kwargs instanceof PyDict ? kwargs : void 0, opStart));
        break;
      }
      case 82: {
        const args = pop();
        const func = pop();
        push(hooks.call(func, tupleItems(args, "REDUCE", fail), opStart));
        break;
      }
      case 98: {
        const state = pop();
        hooks.build(top(), state, opStart);
        break;
      }
      // BUILD
      case 80:
        push(hooks.persistentLoad(line(), opStart));
        break;
      // PERSID
      case 81: {
        const pid = pop();
        push(hooks.persistentLoad(pid, opStart));
        break;
      }
      // BINPERSID
      case 130:
      case 131:
      case 132:
        fail("extension codes (EXT1/EXT2/EXT4) are not registered");
        break;
      default:
        fail(`unknown opcode 0x${op.toString(16).padStart(2, "0")}`);
    }
  }
}
var ASCII = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b));
function shortAscii(raw) {
  if (raw.length > 128) return void 0;
  let text = "";
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte >= 128) return void 0;
    text += ASCII[byte];
  }
  return text;
}
function decodeSurrogatepass(raw) {
  const strict = (part) => {
    try {
      return utf8.decode(part);
    } catch {
      return void 0;
    }
  };
  const whole = strict(raw);
  if (whole !== void 0) return whole;
  let text = "";
  let from = 0;
  for (let i = 0; i + 2 < raw.length; i++) {
    if (raw[i] !== 237 || raw[i + 1] < 160 || raw[i + 1] > 191 || raw[i + 2] < 128 || raw[i + 2] > 191) continue;
    const before = strict(raw.subarray(from, i));
    if (before === void 0) return void 0;
    text += before + String.fromCharCode(53248 | (raw[i + 1] & 63) << 6 | raw[i + 2] & 63);
    i += 2;
    from = i + 1;
  }
  if (from === 0) return void 0;
  const rest = strict(raw.subarray(from));
  return rest === void 0 ? void 0 : text + rest;
}
function parseFloatText(text) {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special === null) return Number(text);
  if (special[2].toLowerCase() === "nan") return NaN;
  return special[1] === "-" ? -Infinity : Infinity;
}
function toNumber(value) {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
var MAX_INT_BYTES = 64;
var MAX_INT_DIGITS = 154;
var UNREAD_INT = Object.freeze(new PyObject(new PyGlobal("builtins", "int"), []));
var HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
function decodeLong(raw) {
  if (raw.length === 0) return 0;
  if (raw.length > MAX_INT_BYTES) return UNREAD_INT;
  const negative = (raw[raw.length - 1] & 128) !== 0;
  if (raw.length <= 6) {
    let value2 = 0;
    for (let i = raw.length - 1; i >= 0; i--) value2 = value2 * 256 + raw[i];
    return negative ? value2 - 2 ** (8 * raw.length) : value2;
  }
  const digits = [];
  for (let i = raw.length - 1; i >= 0; i--) digits.push(HEX[raw[i]]);
  let value = BigInt(`0x${digits.join("")}`);
  if (negative) value -= 1n << BigInt(raw.length * 8);
  return toNumber(value);
}
var INT_LITERAL = /^([+-]?)(?:0([xX])((?:_?[0-9a-fA-F])+)|0([oO])((?:_?[0-7])+)|0([bB])((?:_?[01])+)|([1-9](?:_?\d)*|0(?:_?0)*))$/;
var BITS_PER_DIGIT = { x: 4, o: 3, b: 1 };
function parseIntText(text, fail) {
  const match = INT_LITERAL.exec(text);
  if (match === null) return fail(`INT/LONG is not an integer: ${JSON.stringify(text.slice(0, 40))}`);
  const [, sign, hex2, hexDigits, oct, octDigits, bin, binDigits, decimal] = match;
  const radix = (hex2 ?? oct ?? bin)?.toLowerCase();
  const digits = (hexDigits ?? octDigits ?? binDigits ?? decimal).replaceAll("_", "");
  const tooLong = radix === void 0 ? digits.length > MAX_INT_DIGITS : digits.replace(/^0+/, "").length * BITS_PER_DIGIT[radix] > 8 * MAX_INT_BYTES;
  if (tooLong) return UNREAD_INT;
  const magnitude = BigInt(radix === void 0 ? digits : `0${radix}${digits}`);
  return toNumber(sign === "-" ? -magnitude : magnitude);
}
function parseIntStrict(text, fail) {
  const trimmed = text.trim();
  const value = /^\+?\d(?:_?\d)*$/.test(trimmed) ? Number(trimmed.replace(/^\+/, "").replaceAll("_", "")) : NaN;
  if (!Number.isSafeInteger(value)) fail(`bad memo index ${JSON.stringify(text.slice(0, 40))}`);
  return value;
}
function setListItems(list, pairs) {
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i];
    const index = typeof key === "number" && Number.isSafeInteger(key) ? key < 0 ? list.length + key : key : -1;
    if (index >= 0 && index < list.length) list[index] = pairs[i + 1];
  }
}
function tupleItems(value, opcode, fail) {
  if (value instanceof PyTuple) return value.items;
  if (Array.isArray(value)) return value;
  return fail(`${opcode} arguments are a ${typeName(value)}, not a tuple`);
}
function mapOf(target) {
  if (target instanceof PyDict) return target.entries;
  if (target instanceof PyObject) {
    target.items ??= /* @__PURE__ */ new Map();
    return target.items;
  }
  return void 0;
}
function listOf(target) {
  if (Array.isArray(target)) return target;
  if (target instanceof PyObject) {
    target.list ??= [];
    return target.list;
  }
  return void 0;
}
function typeName(value) {
  if (value === null) return "None";
  if (Array.isArray(value)) return "list";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "object") return value.constructor.name;
  return typeof value;
}
function unquotePythonString(text, fail) {
  const quote = text[0];
  if (text.length < 2 || quote !== "'" && quote !== '"' || text[text.length - 1] !== quote) fail("STRING is not quoted");
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, esc) => {
    if (esc[0] === "x") return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    return { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v" }[esc] ?? "\\" + esc;
  });
}
function rawUnicodeEscape(text) {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, short, long) => String.fromCodePoint(Math.min(parseInt(short ?? long, 16), 1114111)));
}

// src/checkpoint/pickle/probe.ts
var PROBE_BYTES = 4096;
var DOTTED_NAME = /^[A-Za-z_][\w.]*$/;
function inertHooks(reached) {
  const record = () => {
    reached.code = true;
    return new PyObject(null, []);
  };
  return {
    findClass: (module, name) => {
      if (typeof module !== "string" || typeof name !== "string" || DOTTED_NAME.test(module) && DOTTED_NAME.test(name)) reached.code = true;
      return new PyObject(null, []);
    },
    call: record,
    instantiate: record,
    build: () => {
      reached.code = true;
    },
    persistentLoad: () => null
  };
}
function looksLikePickle(head, start = 0, total = head.length) {
  if (start >= head.length) return false;
  const prefix = head.subarray(0, Math.min(head.length, start + PROBE_BYTES));
  const complete = prefix.length === total;
  if (prefix[start] === 128 && prefix.length > start + 1 && prefix[start + 1] <= 5) return true;
  const reached = { code: false };
  try {
    runPickle(prefix, start, inertHooks(reached), "probe", complete);
    return true;
  } catch (error) {
    return error instanceof NeedMoreBytes || reached.code;
  }
}

// src/checkpoint/append.ts
function append(target, items) {
  for (const item of items) target.push(item);
}

// src/checkpoint/pickle/denylist.ts
var DENIED_MODULE_FAMILIES = {
  // process and OS command execution (§2.2)
  os: "process",
  posix: "process",
  nt: "process",
  sys: "process",
  subprocess: "process",
  commands: "process",
  pty: "process",
  multiprocessing: "process",
  _posixsubprocess: "process",
  asyncio: "process",
  _osx_support: "process",
  _aix_support: "process",
  imaplib: "process",
  mailcap: "process",
  shutil: "filesystem",
  platform: "process",
  signal: "process",
  _signal: "process",
  threading: "process",
  _thread: "process",
  atexit: "process",
  pipes: "process",
  pexpect: "process",
  _pyrepl: "process",
  // code execution, interpreters, importers (§2.3)
  runpy: "code-execution",
  code: "code-execution",
  codeop: "code-execution",
  marshal: "code-execution",
  importlib: "importer",
  _frozen_importlib: "importer",
  _frozen_importlib_external: "importer",
  _imp: "importer",
  imp: "importer",
  zipimport: "importer",
  site: "importer",
  gc: "introspection",
  pkgutil: "importer",
  pydoc: "importer",
  inspect: "introspection",
  timeit: "code-execution",
  cProfile: "code-execution",
  profile: "code-execution",
  trace: "code-execution",
  bdb: "code-execution",
  pdb: "code-execution",
  doctest: "code-execution",
  unittest: "code-execution",
  idlelib: "code-execution",
  lib2to3: "code-execution",
  _interpreters: "code-execution",
  _xxsubinterpreters: "code-execution",
  "test.support": "code-execution",
  cloudpickle: "code-execution",
  dill: "nested-loader",
  joblib: "nested-loader",
  shelve: "nested-loader",
  pip: "installer",
  ensurepip: "installer",
  venv: "installer",
  // nested deserialisation (§2.5)
  pickle: "nested-loader",
  _pickle: "nested-loader",
  cPickle: "nested-loader",
  // network (§2.6)
  socket: "network",
  ssl: "network",
  httplib: "network",
  http: "network",
  "urllib.request": "network",
  "urllib.error": "network",
  "urllib.response": "network",
  urllib2: "network",
  requests: "network",
  aiohttp: "network",
  webbrowser: "network",
  smtplib: "network",
  ftplib: "network",
  poplib: "network",
  telnetlib: "network",
  nntplib: "network",
  socketserver: "network",
  xmlrpc: "network",
  select: "network",
  selectors: "network",
  // filesystem (§2.7)
  _io: "filesystem",
  "logging.config": "filesystem",
  "logging.handlers": "filesystem",
  distutils: "filesystem",
  tempfile: "filesystem",
  tarfile: "filesystem",
  zipfile: "filesystem",
  glob: "filesystem",
  fileinput: "filesystem",
  linecache: "filesystem",
  difflib: "filesystem",
  filecmp: "filesystem",
  sqlite3: "filesystem",
  _sqlite3: "filesystem",
  mmap: "filesystem",
  compileall: "filesystem",
  py_compile: "filesystem",
  syslog: "filesystem",
  // native code (§2.8)
  ctypes: "native-code",
  _ctypes: "native-code",
  "torch.ops": "native-code",
  "torch._C": "native-code",
  "torch._ops": "native-code",
  "torch.classes": "native-code",
  "torch.library": "native-code",
  "torch.utils.cpp_extension": "native-code",
  // torch and numpy internals reported as gadgets (§2.9, §2.3)
  "torch._inductor": "torch-gadget",
  "torch._dynamo": "torch-gadget",
  "torch.jit": "torch-gadget",
  "torch.hub": "torch-gadget",
  "torch.package": "torch-gadget",
  "torch.utils.collect_env": "torch-gadget",
  "torch.utils.bottleneck": "torch-gadget",
  "torch.utils._config_module": "torch-gadget",
  "torch.utils.data.datapipes.utils.decoder": "torch-gadget",
  "torch.fx.graph_module": "torch-gadget",
  "torch.fx.experimental.symbolic_shapes": "torch-gadget",
  "torch.multiprocessing": "torch-gadget",
  "torch.distributed.rpc": "torch-gadget",
  "torch.testing._internal": "torch-gadget",
  "numpy.f2py": "code-execution",
  "numpy.testing": "code-execution",
  "numpy.distutils": "code-execution",
  "numpy.ctypeslib": "native-code",
  "pandas.io": "nested-loader",
  "mlflow.projects": "code-execution",
  // scanner tampering (§2.10)
  fickling: "scanner-tampering",
  picklescan: "scanner-tampering",
  modelscan: "scanner-tampering",
  modelaudit: "scanner-tampering",
  saferpickle: "scanner-tampering",
  model_unpickler: "scanner-tampering"
};
var DENIED_NAMES = {
  "io.open": "filesystem",
  "io.FileIO": "filesystem",
  "io.open_code": "filesystem",
  "logging.FileHandler": "filesystem",
  "logging.StreamHandler": "filesystem",
  "types.CodeType": "code-execution",
  "types.FunctionType": "code-execution",
  "types.MethodType": "code-execution",
  "types.LambdaType": "code-execution",
  "operator.attrgetter": "call-gadget",
  "operator.methodcaller": "call-gadget",
  "operator.itemgetter": "call-gadget",
  "_operator.attrgetter": "call-gadget",
  "_operator.methodcaller": "call-gadget",
  "_operator.itemgetter": "call-gadget",
  "functools.partial": "call-gadget",
  "functools.reduce": "call-gadget",
  "functools.partialmethod": "call-gadget",
  "torch.load": "nested-loader",
  "torch.serialization.load": "nested-loader",
  "torch.compile": "torch-gadget",
  "numpy.load": "nested-loader",
  "numpy.loadtxt": "nested-loader",
  "numpy.fromfile": "filesystem",
  "transformers.models.auto.auto_factory.getattribute_from_module": "call-gadget",
  "uuid._get_command_stdout": "process"
};
var TORCHSCRIPT_HELPERS = /* @__PURE__ */ new Set([
  "torch.jit._pickle.build_intlist",
  "torch.jit._pickle.build_tensorlist",
  "torch.jit._pickle.build_doublelist",
  "torch.jit._pickle.build_boollist",
  "torch.jit._pickle.build_complexlist",
  "torch.jit._pickle.restore_type_tag"
]);
var SAFE_BUILTINS = /* @__PURE__ */ new Set([
  "set",
  "frozenset",
  "complex",
  "bytearray",
  "bytes",
  "slice",
  "range",
  "object",
  "dict",
  "list",
  "tuple",
  "int",
  "float",
  "str",
  "bool",
  "type",
  "Ellipsis",
  "NotImplemented",
  "Exception",
  "ValueError",
  "KeyError",
  "TypeError",
  "RuntimeError",
  "AttributeError",
  "IndexError"
]);
var ESCAPE_COMPONENTS = /* @__PURE__ */ new Set([
  "os",
  "sys",
  "posix",
  "nt",
  "subprocess",
  "builtins",
  "__builtins__",
  "importlib",
  "pickle",
  "_pickle",
  "marshal",
  "ctypes",
  "socket",
  "shutil",
  "runpy",
  "types",
  "code",
  "io",
  "_io",
  "operator",
  "_operator",
  "functools",
  "pty",
  "multiprocessing",
  "eval",
  "exec",
  "system",
  "getattr",
  "__import__"
]);
var RISKY_VERBS = /* @__PURE__ */ new Set([
  "system",
  "popen",
  "eval",
  "compile",
  "run",
  "runctx",
  "runcode",
  "runcommand",
  "run_path",
  "run_module",
  "loads",
  "load",
  "load_library",
  "load_inline",
  "urlopen",
  "urlretrieve",
  "import_module",
  "resolve_name",
  "locate",
  "setattr",
  "delattr",
  "from_pretrained",
  "exec_command",
  "check_output",
  "check_call",
  "call"
]);
var COMPAT_MODULES = {
  __builtin__: "builtins",
  copy_reg: "copyreg",
  commands: "subprocess",
  cPickle: "pickle",
  httplib: "http.client",
  urllib2: "urllib.request",
  thread: "_thread",
  SocketServer: "socketserver",
  exceptions: "builtins",
  StringIO: "io",
  cStringIO: "io",
  Queue: "queue",
  "torch.tensor": "torch._tensor"
};
var COMPAT_NAMES = {
  "__builtin__.reduce": "functools.reduce",
  "__builtin__.intern": "sys.intern",
  "urllib.urlopen": "urllib.request.urlopen",
  "urllib.urlretrieve": "urllib.request.urlretrieve",
  "__builtin__.execfile": "builtins.exec"
};

// src/checkpoint/pickle/global-policy.ts
var TORCH_DTYPES = [
  "float64",
  "float32",
  "float16",
  "bfloat16",
  "int64",
  "int32",
  "int16",
  "int8",
  "uint8",
  "bool",
  "complex128",
  "complex64",
  "complex32",
  "uint16",
  "uint32",
  "uint64",
  "qint8",
  "qint32",
  "quint8",
  "quint4x2",
  "quint2x4",
  "float8_e5m2",
  "float8_e4m3fn",
  "float8_e5m2fnuz",
  "float8_e4m3fnuz",
  "float8_e8m0fnu",
  "double",
  "float",
  "half",
  "long",
  "int",
  "short",
  "cfloat",
  "cdouble"
];
var STORAGE_CLASSES = [
  "Double",
  "Float",
  "Half",
  "BFloat16",
  "Long",
  "Int",
  "Short",
  "Char",
  "Byte",
  "Bool",
  "ComplexDouble",
  "ComplexFloat",
  "QInt8",
  "QUInt8",
  "QInt32",
  "QUInt4x2",
  "QUInt2x4"
].map((s) => `torch.${s}Storage`);
var RECONSTRUCT = /* @__PURE__ */ new Set([
  "collections.OrderedDict",
  "collections.defaultdict",
  "collections.Counter",
  "_codecs.encode",
  "copyreg._reconstructor",
  "copyreg.__newobj__",
  "copyreg.__newobj_ex__",
  "torch._utils._rebuild_tensor",
  "torch._utils._rebuild_tensor_v2",
  "torch._utils._rebuild_tensor_v3",
  "torch._utils._rebuild_parameter",
  "torch._utils._rebuild_parameter_with_state",
  "torch._tensor._rebuild_from_type_v2",
  "torch._utils._rebuild_qtensor",
  "torch._utils._rebuild_sparse_tensor",
  "torch._utils._rebuild_meta_tensor_no_storage",
  "torch._utils._rebuild_wrapper_subclass",
  "torch._utils._rebuild_nested_tensor",
  "torch._utils._rebuild_device_tensor_from_numpy",
  "torch._utils._rebuild_device_tensor_from_cpu_tensor",
  ...STORAGE_CLASSES,
  "torch.UntypedStorage",
  "torch.storage.TypedStorage",
  "torch.storage.UntypedStorage",
  ...TORCH_DTYPES.map((d) => `torch.${d}`),
  "torch.Size",
  "torch.device",
  "torch.serialization._get_layout",
  "torch.per_tensor_affine",
  "torch.per_tensor_symmetric",
  "torch.per_channel_affine",
  "torch.per_channel_symmetric",
  "torch.per_channel_affine_float_qparams",
  "torch.torch_version.TorchVersion",
  "torch.nn.parameter.Parameter",
  "torch.Tensor",
  "torch._tensor.Tensor",
  "torch.storage._load_from_bytes",
  "numpy.core.multiarray._reconstruct",
  "numpy._core.multiarray._reconstruct",
  "numpy.ndarray",
  "numpy.dtype",
  "numpy.core.multiarray.scalar",
  "numpy._core.multiarray.scalar",
  "numpy.random._pickle.__randomstate_ctor",
  "numpy.random._pickle.__bit_generator_ctor",
  "numpy.random._pickle.__generator_ctor",
  "argparse.Namespace",
  ...["Path", "PosixPath", "WindowsPath", "PurePath", "PurePosixPath", "PureWindowsPath"].flatMap((c) => [`pathlib.${c}`, `pathlib._local.${c}`]),
  "datetime.datetime",
  "datetime.date",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID",
  "types.SimpleNamespace",
  "re._compile",
  "io.BytesIO",
  "_io.BytesIO"
]);
var METADATA_MODULE_PREFIXES = [
  "transformers.training_args",
  "transformers.training_args_seq2seq",
  "transformers.trainer_utils",
  "transformers.trainer_pt_utils",
  "transformers.integrations.deepspeed",
  "transformers.deepspeed",
  "transformers.utils.generic",
  "transformers.generation.configuration_utils",
  "transformers.debug_utils",
  "accelerate.state",
  "accelerate.utils.dataclasses",
  "accelerate.utils.deepspeed",
  "trl.trainer",
  "sentence_transformers.training_args",
  "open_r1.configs",
  "peft.config",
  "peft.utils.peft_types",
  "omegaconf.dictconfig",
  "omegaconf.listconfig",
  "omegaconf.base",
  "omegaconf.nodes",
  "lightning.fabric.utilities.data",
  "pytorch_lightning.utilities.parsing",
  "lightning.pytorch.utilities.parsing",
  "lightning_fabric.utilities.data",
  "typing",
  "enum"
];
var METADATA_NAMES = /* @__PURE__ */ new Set(["operator.getitem", "_operator.getitem", "builtins.type"]);
var DUNDER = /^__.+__$/;
var DUNDER_EXEMPT = /* @__PURE__ */ new Set(["copyreg.__newobj__", "copyreg.__newobj_ex__"]);
function candidateForms(module, name) {
  const forms = [[module, name]];
  const mappedName = COMPAT_NAMES[`${module}.${name}`];
  if (mappedName !== void 0) {
    const dot = mappedName.lastIndexOf(".");
    forms.push([mappedName.slice(0, dot), mappedName.slice(dot + 1)]);
  }
  const mappedModule = COMPAT_MODULES[module];
  if (mappedModule !== void 0) forms.push([mappedModule, name]);
  return forms;
}
function deniedFamily(module, name) {
  const qualified = `${module}.${name}`;
  if (TORCHSCRIPT_HELPERS.has(qualified)) return void 0;
  if (DENIED_NAMES[qualified] !== void 0) return DENIED_NAMES[qualified];
  if (module === "builtins") return SAFE_BUILTINS.has(name) ? void 0 : "builtins";
  if (module === "pandas" && /^read_/.test(name)) return "nested-loader";
  if (module === "uuid" && name.startsWith("_")) return "process";
  const path = `${module}.${name}`.split(".");
  for (let i = path.length; i >= 1; i--) {
    const family = DENIED_MODULE_FAMILIES[path.slice(0, i).join(".")];
    if (family !== void 0) return family;
  }
  return void 0;
}
function classifyGlobal(module, name, torchScript = false) {
  if (torchScript && (module === "__torch__" || module.startsWith("__torch__.")) && !name.split(".").some((c) => DUNDER.test(c)))
    return { module, name, qualified: `${module}.${name}`, verdict: "unknown" };
  const forms = candidateForms(module, name);
  const [mainModule, mainName] = forms[forms.length - 1];
  const qualified = `${mainModule}.${mainName}`;
  const main = { module: mainModule, name: mainName, qualified };
  for (const [m, nm] of forms) {
    const full = `${m}.${nm}`;
    if (m === "__main__" && !nm.split(".").some((c) => DUNDER.test(c))) continue;
    const mapped = COMPAT_MODULES[m] !== void 0 || COMPAT_NAMES[full] !== void 0;
    if (!mapped && !DUNDER_EXEMPT.has(full) && [...m.split("."), ...nm.split(".")].some((c) => DUNDER.test(c)))
      return { ...main, verdict: "unsafe", reason: "dunder attribute access" };
    const components = nm.split(".");
    if (components.length > 1 && components.some((c) => ESCAPE_COMPONENTS.has(c)))
      return { ...main, verdict: "unsafe", reason: "dotted name escapes to a dangerous module" };
    const family = deniedFamily(m, nm);
    if (family !== void 0) return { ...main, verdict: "unsafe", reason: family };
  }
  for (const [m, nm] of forms) {
    const full = `${m}.${nm}`;
    if (RECONSTRUCT.has(full) || TORCHSCRIPT_HELPERS.has(full) || m === "builtins" && SAFE_BUILTINS.has(nm)) return { module: m, name: nm, qualified: full, verdict: "reconstruct" };
    if (METADATA_NAMES.has(full) || METADATA_MODULE_PREFIXES.some((p) => m === p || m.startsWith(p + ".")))
      return { module: m, name: nm, qualified: full, verdict: "metadata" };
    if (m === "torch" && nm.endsWith("Storage")) return { module: m, name: nm, qualified: full, verdict: "reconstruct" };
  }
  const verb = mainName.split(".").pop();
  if (RISKY_VERBS.has(verb) || /^(spawn|exec|_run|getattr)/.test(verb))
    return { ...main, verdict: "unsafe", reason: `name "${verb}" is a code-running verb` };
  return { ...main, verdict: "unknown" };
}

// src/checkpoint/pickle/unpickle.ts
var LOAD_FROM_BYTES = "torch.storage._load_from_bytes";
var DICT_CLASSES = /* @__PURE__ */ new Set([
  "collections.OrderedDict",
  "collections.defaultdict",
  "collections.Counter",
  "builtins.dict",
  "lightning.fabric.utilities.data.AttributeDict",
  "lightning_fabric.utilities.data.AttributeDict",
  "pytorch_lightning.utilities.parsing.AttributeDict",
  "lightning.pytorch.utilities.parsing.AttributeDict"
]);
function unpickle(bytes, uses, options3) {
  const { where } = options3;
  const persistentLoad = options3.persistentLoad ?? ((pid) => {
    throw new CheckpointError("corrupt", `${where}: persistent id ${repr(pid)} in a pickle that has no storages`);
  });
  const recorded = /* @__PURE__ */ new Set();
  const record = (use) => {
    const key = `${use.qualified}
${use.verdict}
${use.reason ?? ""}`;
    if (recorded.has(key)) return;
    recorded.add(key);
    uses.push(use);
  };
  const flag = (qualified, reason, offset) => {
    record({ qualified, verdict: "unsafe", reason, offset, where });
  };
  const workLimit = 4 * bytes.length + (1 << 20);
  let work = 0;
  const charge = (units, offset) => {
    work += units;
    if (work > workLimit)
      throw new CheckpointError("too-large", `${where}: memoized values are handed to more calls than the pickle's size explains (over ${n(workLimit)} units of work) at byte ${n(offset)}`);
  };
  const verdicts = /* @__PURE__ */ new Map();
  const classifyOnce = (module, name, offset) => {
    const names = verdicts.get(module) ?? verdicts.set(module, /* @__PURE__ */ new Map()).get(module);
    const known = names.get(name);
    if (known !== void 0) return known;
    const verdict = classifyGlobal(module, name, options3.torchScript);
    names.set(name, verdict);
    record({ qualified: verdict.qualified, verdict: verdict.verdict, reason: verdict.reason, offset, where });
    return verdict;
  };
  const hooks = {
    findClass(module, name, offset) {
      if (typeof module !== "string" || typeof name !== "string") {
        const qualified = `${repr(module)}.${repr(name)}`;
        flag(qualified, "computed global: STACK_GLOBAL operands are not literal strings", offset);
        return new PyGlobal("<computed>", qualified);
      }
      const verdict = classifyOnce(module, name, offset);
      return new PyGlobal(verdict.module, verdict.name);
    },
    call(func, args, offset) {
      if (!(func instanceof PyGlobal)) {
        charge(1 + args.length, offset);
        return new PyObject(null, args);
      }
      return reconstruct(func, args, offset);
    },
    // an object keeps its arguments and state, and every walker reads them per object: shared ones are charged per use
    instantiate(cls, args, kwargs, offset) {
      charge(1 + args.length + (kwargs?.entries.size ?? 0), offset);
      if (!(cls instanceof PyGlobal)) return new PyObject(null, args);
      if (DICT_CLASSES.has(cls.qualified)) return new PyDict(cls.qualified);
      const object = new PyObject(cls, args);
      object.kwargs = kwargs;
      return object;
    },
    build(target, state, offset) {
      charge(1 + argumentSize(state), offset);
      if (target instanceof PyDict || target instanceof PyObject) target.state = state;
      else if (target instanceof PyGlobal) flag(target.qualified, "BUILD rewrites attributes of a class or function", offset);
    },
    persistentLoad: (pid, offset) => persistentLoad(pid, offset)
  };
  function reconstruct(func, args, offset) {
    const fail = (message) => {
      throw new CheckpointError("corrupt", `${where}: ${func.qualified} ${message} at byte ${n(offset)}`);
    };
    charge(1 + args.reduce((sum, arg) => sum + 1 + argumentSize(arg), 0), offset);
    switch (func.qualified) {
      case "collections.OrderedDict":
      case "collections.defaultdict":
      case "collections.Counter":
      case "builtins.dict": {
        const dict = new PyDict(func.qualified === "builtins.dict" ? "builtins.dict" : func.qualified);
        const pairs = func.qualified === "collections.defaultdict" ? void 0 : args[0];
        for (const pair of Array.isArray(pairs) ? pairs : []) {
          const items = pair instanceof PyTuple ? pair.items : Array.isArray(pair) ? pair : [];
          if (items.length === 2) dict.entries.set(toKey(items[0]), items[1]);
        }
        return dict;
      }
      case "builtins.set":
      case "builtins.frozenset":
        return new PySet(sequence(args[0]), func.name === "frozenset");
      case "builtins.bytearray":
      case "builtins.bytes":
        if (args[0] instanceof Uint8Array) return args[0];
        if (typeof args[0] === "string") return latin1Bytes(args[0], fail);
        return Uint8Array.from(sequence(args[0]).map((v) => Number(v) & 255));
      case "builtins.type":
        if (args.length !== 1) flag("builtins.type", `type() with ${args.length} arguments creates a class`, offset);
        return new PyObject(func, args);
      case "_codecs.encode": {
        const [text, encoding] = args;
        if (typeof text !== "string") return fail("expects a string");
        if (encoding === "latin1" || encoding === "latin-1" || encoding === "iso-8859-1") return latin1Bytes(text, fail);
        if (encoding === "utf-8" || encoding === "utf8" || encoding === void 0) return new TextEncoder().encode(text);
        return fail(`uses the unsupported encoding ${repr(encoding ?? null)}`);
      }
      case "copyreg._reconstructor":
        return new PyObject(args[0] instanceof PyGlobal ? args[0] : null, args.slice(1));
      case "copyreg.__newobj__":
      case "copyreg.__newobj_ex__":
        return hooks.instantiate(args[0] ?? null, sequence(args[1] ?? new PyTuple([])), void 0, offset);
      case LOAD_FROM_BYTES: {
        if (!(args[0] instanceof Uint8Array)) {
          flag(LOAD_FROM_BYTES, "loads a computed argument as a checkpoint", offset);
          return new PyObject(func, []);
        }
        options3.embedded?.push(args[0]);
        return new PyObject(func, []);
      }
      case "torch._utils._rebuild_tensor":
      case "torch._utils._rebuild_tensor_v2":
        if (args[0] instanceof PyObject && args[0].qualified === LOAD_FROM_BYTES) return new PyObject(func, []);
        return rebuildTensor(args[0], args[1], args[2], args[3], args[4], void 0, fail);
      case "torch._utils._rebuild_tensor_v3": {
        const dtype = args[6] instanceof PyGlobal ? torchDtype(args[6].name) : void 0;
        if (dtype === void 0) return fail(`has an unknown dtype ${repr(args[6] ?? null)}`);
        return rebuildTensor(args[0], args[1], args[2], args[3], args[4], dtype, fail);
      }
      case "torch._utils._rebuild_parameter":
      case "torch._utils._rebuild_parameter_with_state":
        return args[0] ?? null;
      case "torch._tensor._rebuild_from_type_v2": {
        const [inner, , innerArgs] = args;
        if (!(inner instanceof PyGlobal)) return fail("rebuilds through a computed function");
        const verdict = classifyGlobal(inner.module, inner.name);
        if (verdict.verdict !== "reconstruct") return fail(`rebuilds through ${inner.qualified}`);
        return reconstruct(inner, sequence(innerArgs ?? null), offset);
      }
      case "torch.Size":
        return new PyTuple(sequence(args[0] ?? null));
      case "torch.jit._pickle.build_intlist":
      case "torch.jit._pickle.build_tensorlist":
      case "torch.jit._pickle.build_doublelist":
      case "torch.jit._pickle.build_boollist":
      case "torch.jit._pickle.build_complexlist":
      case "torch.jit._pickle.restore_type_tag":
        return args[0] ?? null;
      case "torch.device":
        return args.map((a) => String(a)).join(":");
      case "torch.torch_version.TorchVersion":
        return typeof args[0] === "string" ? args[0] : repr(args[0] ?? null);
      case "numpy.core.multiarray.scalar":
      case "numpy._core.multiarray.scalar":
        return numpyScalar(args[0] ?? null, args[1] ?? null, fail);
      case "pathlib.Path":
      case "pathlib.PosixPath":
      case "pathlib.WindowsPath":
      case "pathlib.PurePath":
      case "pathlib.PurePosixPath":
      case "pathlib.PureWindowsPath":
      case "pathlib._local.Path":
      case "pathlib._local.PosixPath":
      case "pathlib._local.WindowsPath":
      case "pathlib._local.PurePath":
      case "pathlib._local.PurePosixPath":
      case "pathlib._local.PureWindowsPath":
        return joinPath(args.map((a) => String(a)));
      default:
        return new PyObject(func, args);
    }
  }
  return runPickle(bytes, options3.start ?? 0, hooks, where, options3.complete ?? true);
}
function argumentSize(value) {
  if (typeof value === "string" || value instanceof Uint8Array || Array.isArray(value)) return value.length;
  if (value instanceof PyTuple || value instanceof PySet) return value.items.length;
  if (value instanceof PyDict) return value.entries.size;
  return 0;
}
function sequence(value) {
  if (value instanceof PyTuple) return value.items;
  if (Array.isArray(value)) return value;
  if (value instanceof PySet) return value.items;
  return [];
}
function latin1Bytes(text, fail) {
  const out2 = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) fail("latin1 text has a character above U+00FF");
    out2[i] = code;
  }
  return out2;
}
function joinPath(parts) {
  return parts.reduce((acc, part) => part.startsWith("/") ? part : acc === "" ? part : acc.endsWith("/") ? acc + part : `${acc}/${part}`, "");
}
function integer(value) {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : void 0;
}
function integers(value) {
  const items = value instanceof PyTuple ? value.items : Array.isArray(value) ? value : void 0;
  if (items === void 0) return void 0;
  const out2 = [];
  for (const item of items) {
    const v = integer(item);
    if (v === void 0) return void 0;
    out2.push(v);
  }
  return out2;
}
function rebuildTensor(storage, offsetValue, sizeValue, strideValue, requiresGrad, dtypeOverride, fail) {
  if (!(storage instanceof StorageRef)) return fail(`expects a storage, got ${repr(storage ?? null)}`);
  const offset = integer(offsetValue);
  const shape = integers(sizeValue);
  const stride = integers(strideValue);
  if (offset === void 0 || offset < 0 || shape === void 0 || stride === void 0 || shape.length !== stride.length || shape.some((s) => s < 0))
    return fail(`has an invalid offset, size or stride: ${repr(offsetValue ?? null)}, ${repr(sizeValue ?? null)}, ${repr(strideValue ?? null)}`);
  const dtype = dtypeOverride ?? storage.dtype;
  const info = dtypeInfo(dtype);
  if (info === void 0) return fail(`has an unknown dtype ${dtype}`);
  const storageElements = dtypeOverride !== void 0 ? Math.floor(storage.numel / info.itemSize) : storage.numel;
  const numel = shape.reduce((a, b) => a * b, 1);
  if (numel > 0) {
    const last = offset + shape.reduce((acc, size, i) => acc + (size - 1) * Math.abs(stride[i]), 0);
    if (!Number.isSafeInteger(last) || last >= storageElements)
      return fail(`reaches element ${n(last)} of storage ${storage.key}, which holds ${n(storageElements)}`);
  }
  return new TensorRef(storage, dtype, offset, shape, stride, requiresGrad === true);
}
function numpyScalar(dtypeValue, raw, fail) {
  const code = dtypeValue instanceof PyObject && typeof dtypeValue.args[0] === "string" ? dtypeValue.args[0] : void 0;
  const dtype = code === void 0 ? void 0 : numpyDtype(code);
  if (dtype === void 0 || !(raw instanceof Uint8Array)) return new PyObject(new PyGlobal("numpy", "scalar"), [dtypeValue, raw]);
  const info = dtypeInfo(dtype);
  if (raw.length !== info.itemSize) return fail(`has ${raw.length} bytes for a ${dtype}`);
  const state = dtypeValue instanceof PyObject && dtypeValue.state instanceof PyTuple ? dtypeValue.state.items : [];
  const bigEndian = state[1] === ">";
  return new PyScalar(decodeElement(raw, 0, dtype, !bigEndian), dtype);
}
function storageTypeDtype(token) {
  if (token instanceof PyGlobal) return storageDtype(token.name);
  if (typeof token === "string") return storageDtype(token);
  return void 0;
}

// src/checkpoint/pickle/unscannable.ts
var UNSCANNABLE = "a pickle that could not be scanned";
function asCheckpointError(error) {
  if (error instanceof CheckpointError) return error;
  return new CheckpointError(error instanceof RangeError ? "too-large" : "corrupt", error?.message ?? String(error));
}
function unscannable(where, error) {
  const failure = asCheckpointError(error);
  return { qualified: `${UNSCANNABLE} (${failure.reason})`, verdict: "unsafe", reason: `${UNSCANNABLE}: ${failure.message}`, offset: 0, where };
}

// src/checkpoint/storage-pid.ts
function parseStoragePid(pid, offset, path) {
  const [tag, type, key, location, numel] = pid instanceof PyTuple ? pid.items : [];
  if (tag !== "storage" || typeof key !== "string" || typeof numel !== "number" || !Number.isSafeInteger(numel) || numel < 0)
    throw new CheckpointError("corrupt", `${path}: persistent id ${repr(pid)} at byte ${n(offset)} is not a torch storage reference`);
  const dtype = storageTypeDtype(type ?? null);
  if (dtype === void 0) throw new CheckpointError("corrupt", `${path}: unknown storage type ${repr(type ?? null)} for storage ${key}`);
  return { key, dtype, numel, location: typeof location === "string" ? location : "cpu" };
}

// src/checkpoint/tensor-walk.ts
function mayHoldTensor(value) {
  return value instanceof TensorRef || value instanceof PyDict || value instanceof PyObject || value instanceof PyTuple || Array.isArray(value);
}
function collectTensors(root, prefix = "", limit = 1e6) {
  const out2 = [];
  const seenContainers = /* @__PURE__ */ new Set();
  const visit = (value, path, depth) => {
    if (out2.length >= limit || depth > 200 || value === null || typeof value !== "object") return;
    if (value instanceof TensorRef) {
      out2.push({ name: path, tensor: value });
      return;
    }
    if (seenContainers.has(value)) return;
    seenContainers.add(value);
    const child = (item, key) => {
      if (mayHoldTensor(item)) visit(item, path === "" ? String(key) : `${path}.${String(key)}`, depth + 1);
    };
    if (value instanceof PyDict) for (const [key, item] of value.entries) child(item, key);
    else if (Array.isArray(value)) value.forEach((item, i) => child(item, i));
    else if (value instanceof PyTuple) value.items.forEach((item, i) => child(item, i));
    else if (value instanceof PyObject) {
      for (const [key, item] of value.items ?? []) child(item, key);
      if (value.state !== void 0) visit(value.state, path, depth + 1);
      value.args.forEach((item, i) => child(item, `arg${i}`));
    }
  };
  visit(root, prefix, 0);
  return out2;
}

// src/checkpoint/safetensors.ts
var MAX_SAFETENSORS_HEADER = 1e8;
function looksLikeSafetensors(head, size) {
  if (head.length < 9 || head[8] !== 123) return false;
  const length = new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true);
  return length > 0n && length < 1n << 53n && size > 8;
}
async function readSafetensors(source) {
  const prefix = await readRange(source, 0, 8, `${source.path}: safetensors header length`);
  const declared = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (declared === 0n || declared > BigInt(MAX_SAFETENSORS_HEADER))
    throw new CheckpointError("too-large", `${source.path}: safetensors header length is ${n(declared)} bytes; it must be between 1 and ${n(MAX_SAFETENSORS_HEADER)}`);
  const headerLength = Number(declared);
  if (8 + headerLength > source.size)
    throw new CheckpointError("truncated", `${source.path}: safetensors header overflows the file: 8 + ${n(headerLength)} > ${n(source.size)}`);
  const raw = await readRange(source, 8, headerLength, `${source.path}: safetensors header`);
  let header;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch (error) {
    throw new CheckpointError("corrupt", `${source.path}: safetensors header is not UTF-8 JSON: ${error.message}`);
  }
  if (header === null || typeof header !== "object" || Array.isArray(header))
    throw new CheckpointError("corrupt", `${source.path}: safetensors header is not a JSON object`);
  const dataStart = 8 + headerLength;
  const metadata = new PyDict();
  const tensors = [];
  const spans = [];
  for (const [name, spec] of Object.entries(header)) {
    if (name === "__metadata__") {
      if (spec === null || typeof spec !== "object" || Array.isArray(spec)) throw new CheckpointError("corrupt", `${source.path}: __metadata__ is not an object`);
      for (const [key, value] of Object.entries(spec)) {
        if (typeof value !== "string") throw new CheckpointError("corrupt", `${source.path}: __metadata__.${key} is not a string`);
        metadata.entries.set(key, value);
      }
      continue;
    }
    const { dtype: dtypeName, shape, data_offsets: offsets } = spec ?? {};
    const dtype = typeof dtypeName === "string" ? safetensorsDtype(dtypeName) : void 0;
    if (dtype === void 0) throw new CheckpointError("corrupt", `${source.path}: tensor ${name} has unknown dtype ${JSON.stringify(dtypeName)}`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
      throw new CheckpointError("corrupt", `${source.path}: tensor ${name} has an invalid shape ${JSON.stringify(shape)}`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) || offsets[0] > offsets[1])
      throw new CheckpointError("corrupt", `${source.path}: tensor ${name} has invalid data_offsets ${JSON.stringify(offsets)}`);
    const numel = shape.reduce((a, b) => a * b, 1);
    const bytes = numel * dtypeInfo(dtype).itemSize;
    const [begin, end] = offsets;
    if (!Number.isSafeInteger(bytes) || end - begin !== bytes)
      throw new CheckpointError("corrupt", `${source.path}: tensor ${name} spans ${n(end - begin)} bytes but ${dtypeName} × [${shape.join(", ")}] needs ${n(bytes)}`);
    spans.push({ name, begin, end });
    const storage = new StorageRef(name, dtype, numel, "cpu");
    const stride = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
    tensors.push({ name, tensor: new TensorRef(storage, dtype, 0, shape, stride, false) });
  }
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const span of spans) {
    if (span.begin !== cursor)
      throw new CheckpointError("corrupt", `${source.path}: tensor ${span.name} starts at ${n(span.begin)} but the previous tensor ends at ${n(cursor)}`);
    cursor = span.end;
  }
  if (dataStart + cursor > source.size)
    throw new CheckpointError("truncated", `${source.path}: tensor data overflows the file: ${n(dataStart)} + ${n(cursor)} > ${n(source.size)}`);
  if (dataStart + cursor < source.size)
    throw new CheckpointError("corrupt", `${source.path}: ${n(source.size - dataStart - cursor)} bytes follow the last tensor`);
  const byName2 = new Map(spans.map((s) => [s.name, s]));
  const root = new PyDict();
  if (metadata.entries.size > 0) root.entries.set("__metadata__", metadata);
  return {
    path: source.path,
    format: "safetensors",
    sizeBytes: source.size,
    roots: [{ file: void 0, value: root }],
    tensors,
    globals: [],
    notices: [],
    async locate(storage) {
      const span = byName2.get(storage.key);
      return { source, start: dataStart + span.begin, length: span.end - span.begin, littleEndian: true };
    },
    close: () => source.close()
  };
}

// src/checkpoint/embedded.ts
var MAX_EMBEDDING_DEPTH = 2;
async function scanEmbedded(blobs, outer, depth, globals, notices) {
  for (const [i, blob] of blobs.entries()) {
    const where = `${outer} (embedded checkpoint ${i + 1})`;
    if (depth >= MAX_EMBEDDING_DEPTH) {
      globals.push({ qualified: "torch.storage._load_from_bytes", verdict: "unsafe", reason: `checkpoints embedded deeper than ${MAX_EMBEDDING_DEPTH}`, offset: 0, where });
      continue;
    }
    const source = memorySource(where, blob);
    const seen = [];
    try {
      switch (sniff(blob.subarray(0, PROBE_BYTES), blob.length)) {
        case "torch-zip":
          await readTorchZip(source, seen, depth + 1);
          break;
        case "torch-legacy":
          await readLegacyTorch(source, seen, depth + 1);
          break;
        case "pickle":
          await readPlainPickle(source, seen, depth + 1);
          break;
        case "safetensors":
          await readSafetensors(source);
          break;
        default:
          throw new CheckpointError("not-a-checkpoint", `${where}: not a checkpoint we read, but torch.load would unpickle it`);
      }
    } catch (error) {
      seen.push(unscannable(where, error));
      notices.push(`${where}: ${error.message}`);
    }
    append(globals, seen);
  }
}

// src/checkpoint/zip-archive.ts
var import_yauzl = __toESM(require_yauzl(), 1);
import { Readable } from "node:stream";
import { constants, inflateRawSync } from "node:zlib";
var MAX_ZIP_ENTRIES = 2e5;
var READ_WINDOW = 256 * 1024;
var SourceReader = class extends import_yauzl.default.RandomAccessReader {
  source;
  #window;
  constructor(source) {
    super();
    this.source = source;
  }
  read(buffer, offset, length, position, callback) {
    const window = this.#window;
    if (window !== void 0 && position >= window.start && position + length <= window.start + window.bytes.length) {
      buffer.set(window.bytes.subarray(position - window.start, position - window.start + length), offset);
      callback(null);
      return;
    }
    const size = Math.min(this.source.size - position, Math.max(length, READ_WINDOW));
    this.source.read(position, size).then((bytes) => {
      if (length <= READ_WINDOW) this.#window = { start: position, bytes };
      buffer.set(bytes.subarray(0, length), offset);
      callback(null);
    }, (error) => callback(error));
  }
  /** The window only serves the central-directory walk; later reads are ranges of their own. */
  dropWindow() {
    this.#window = void 0;
  }
  _readStreamForRange(start, end) {
    const source = this.source;
    return Readable.from((async function* () {
      for (let at = start; at < end; at += 1 << 20) yield Buffer.from(await source.read(at, Math.min(1 << 20, end - at)));
    })());
  }
  close(callback) {
    callback(null);
  }
};
function zipError(error, source) {
  if (error instanceof CheckpointError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const truncated = /end of central directory record signature not found|truncated|out of bounds|unexpected EOF|beyond/i.test(message);
  return new CheckpointError(truncated ? "truncated" : "corrupt", `${source.path}: zip: ${message}`);
}
async function openZip(source) {
  let zipfile;
  const reader = new SourceReader(source);
  try {
    zipfile = await new Promise((resolve2, reject) => import_yauzl.default.fromRandomAccessReader(
      reader,
      source.size,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (err, zf) => err ? reject(err) : resolve2(zf)
    ));
  } catch (error) {
    throw zipError(error, source);
  }
  if (zipfile.entryCount > MAX_ZIP_ENTRIES)
    throw new CheckpointError("too-large", `${source.path}: zip has ${n(zipfile.entryCount)} entries; the limit is ${n(MAX_ZIP_ENTRIES)}`);
  const entries = [];
  try {
    await new Promise((resolve2, reject) => {
      zipfile.on("entry", (entry) => {
        if (entry.relativeOffsetOfLocalHeader + 30 > source.size || entry.compressedSize > source.size) {
          reject(new CheckpointError("corrupt", `${source.path}: zip entry ${entry.fileName} points outside the file: ${n(entry.relativeOffsetOfLocalHeader)} + ${n(entry.compressedSize)} > ${n(source.size)}`));
          return;
        }
        entries.push({
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          method: entry.compressionMethod,
          entry
        });
        queueMicrotask(() => zipfile.readEntry());
      });
      zipfile.on("end", () => resolve2());
      zipfile.on("error", reject);
      zipfile.readEntry();
    });
  } catch (error) {
    throw error instanceof CheckpointError ? error : zipError(error, source);
  }
  reader.dropWindow();
  const byName2 = /* @__PURE__ */ new Map();
  for (const entry of entries) byName2.set(entry.name, entry);
  const starts = /* @__PURE__ */ new Map();
  const dataStart = async (entry) => {
    const known = starts.get(entry);
    if (known !== void 0) return known;
    let start;
    try {
      start = (await zipfile.readLocalFileHeaderPromise(entry.entry, { minimal: true })).fileDataStart;
    } catch (error) {
      throw zipError(error, source);
    }
    if (start + entry.compressedSize > source.size)
      throw new CheckpointError("truncated", `${source.path}: zip entry ${entry.name} overflows the file: ${n(start)} + ${n(entry.compressedSize)} > ${n(source.size)}`);
    starts.set(entry, start);
    return start;
  };
  return {
    path: source.path,
    source,
    entries,
    find: (name) => byName2.get(name),
    dataStart,
    async head(entry, length) {
      const start = await dataStart(entry);
      if (entry.method === 0) return readRange(source, start, Math.min(length, entry.compressedSize), `${entry.name}`);
      if (entry.method !== 8) return new Uint8Array(0);
      const raw = await readRange(source, start, Math.min(length, entry.compressedSize), `${entry.name}`);
      try {
        const out2 = inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
        return new Uint8Array(out2.buffer, out2.byteOffset, Math.min(out2.length, length));
      } catch {
        return new Uint8Array(0);
      }
    },
    async read(entry, cap) {
      if (entry.uncompressedSize > cap)
        throw new CheckpointError("too-large", `${source.path}: ${entry.name} is ${n(entry.uncompressedSize)} bytes; the limit is ${n(cap)}`);
      const start = await dataStart(entry);
      const raw = await readRange(source, start, entry.compressedSize, `${entry.name}`);
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.uncompressedSize)
          throw new CheckpointError("corrupt", `${source.path}: stored entry ${entry.name} has compressed size ${n(entry.compressedSize)} ≠ size ${n(entry.uncompressedSize)}`);
        return raw;
      }
      if (entry.method !== 8) throw new CheckpointError("corrupt", `${source.path}: ${entry.name} uses unsupported compression method ${entry.method}`);
      try {
        const out2 = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
        if (out2.length !== entry.uncompressedSize)
          throw new CheckpointError("corrupt", `${source.path}: ${entry.name} inflates to ${n(out2.length)} bytes, not the ${n(entry.uncompressedSize)} its header says`);
        return new Uint8Array(out2.buffer, out2.byteOffset, out2.length);
      } catch (error) {
        if (error instanceof CheckpointError) throw error;
        throw new CheckpointError("corrupt", `${source.path}: ${entry.name} does not inflate within its declared ${n(entry.uncompressedSize)} bytes: ${error.message}`);
      }
    }
  };
}

// src/checkpoint/torch-zip.ts
var PICKLE_CAP = 256 * 1024 * 1024;
async function readTorchZip(source, globals, depth = 0) {
  const zip = await openZip(source);
  const first = zip.entries[0];
  if (first === void 0) throw new CheckpointError("not-a-checkpoint", `${source.path}: the zip archive is empty`);
  const slash = first.name.indexOf("/");
  const prefix = first.name.slice(0, Math.max(slash, 0));
  const dataPkl = slash > 0 ? zip.find(`${prefix}/data.pkl`) : void 0;
  if (dataPkl === void 0) {
    const notices2 = [];
    for (const entry of zip.entries) await scanSidePickle(zip, entry, /\.(pkl|pickle)$/.test(entry.name), false, globals, notices2);
    if (slash <= 0) throw new CheckpointError("not-a-checkpoint", `${source.path}: zip entries are not in a top folder, so this is not a torch.save archive (first entry: ${first.name})`);
    const names = zip.entries.slice(0, 5).map((e) => e.name).join(", ");
    throw new CheckpointError("not-a-checkpoint", `${source.path}: a zip without ${prefix}/data.pkl is not a torch checkpoint (entries: ${names}${zip.entries.length > 5 ? ", …" : ""})`);
  }
  const notices = [];
  const byteorder = zip.find(`${prefix}/byteorder`);
  const littleEndian = byteorder === void 0 ? true : new TextDecoder().decode(await zip.read(byteorder, 16)).trim() !== "big";
  const torchScript = zip.find(`${prefix}/constants.pkl`) !== void 0;
  if (torchScript) notices.push("TorchScript archive (constants.pkl): only the pickles are read, never the code");
  const duplicates = zip.entries.filter((e) => e.name === dataPkl.name);
  if (duplicates.length > 1) notices.push(`${dataPkl.name} appears ${duplicates.length} times; torch loads the last copy, every copy was scanned`);
  for (const entry of zip.entries) {
    if (entry === dataPkl || entry.name.startsWith(`${prefix}/data/`)) continue;
    const byName2 = entry.name === dataPkl.name || /\.(pkl|pickle)$/.test(entry.name);
    await scanSidePickle(zip, entry, byName2, torchScript, globals, notices);
  }
  const storages = /* @__PURE__ */ new Map();
  const persistentLoad = (pid, offset) => storageFromPid(pid, offset, zip, prefix, storages, source.path);
  const bytes = await zip.read(dataPkl, PICKLE_CAP);
  const embedded = [];
  const result = unpickle(bytes, globals, { where: `${source.path}: ${dataPkl.name}`, persistentLoad, embedded, torchScript });
  await scanEmbedded(embedded, source.path, depth, globals, notices);
  if (result.end < bytes.length) notices.push(`${dataPkl.name} has ${n(bytes.length - result.end)} bytes after its STOP opcode`);
  const locate = async (storage) => {
    const entry = zip.find(`${prefix}/data/${storage.key}`);
    if (entry.method !== 0) throw new CheckpointError("corrupt", `${source.path}: storage ${entry.name} is compressed; torch writes storages uncompressed`);
    return { source, start: await zip.dataStart(entry), length: entry.uncompressedSize, littleEndian };
  };
  return {
    path: source.path,
    format: "torch-zip",
    sizeBytes: source.size,
    roots: [{ file: void 0, value: result.value }],
    tensors: collectTensors(result.value),
    globals,
    notices,
    locate,
    close: () => source.close()
  };
}
function storageFromPid(pid, offset, zip, prefix, storages, path) {
  const { key, dtype, numel, location } = parseStoragePid(pid, offset, path);
  const known = storages.get(key);
  if (known !== void 0) return known;
  const entry = zip.find(`${prefix}/data/${key}`);
  if (entry === void 0) throw new CheckpointError("corrupt", `${path}: data.pkl refers to storage ${key}, but ${prefix}/data/${key} is missing`);
  const needed = numel * dtypeInfo(dtype).itemSize;
  if (entry.uncompressedSize < needed)
    throw new CheckpointError("corrupt", `${path}: storage ${prefix}/data/${key} has ${n(entry.uncompressedSize)} bytes but data.pkl needs ${n(numel)} × ${dtypeInfo(dtype).itemSize} = ${n(needed)}`);
  const storage = new StorageRef(key, dtype, numel, location);
  storages.set(key, storage);
  return storage;
}
async function scanSidePickle(zip, entry, byName2, torchScript, globals, notices) {
  if (!byName2) {
    const head = await zip.head(entry, PROBE_BYTES);
    if (!looksLikePickle(head, 0, entry.uncompressedSize)) return;
  }
  if (entry.uncompressedSize > PICKLE_CAP)
    throw new CheckpointError("too-large", `${zip.path}: member ${entry.name} looks like a pickle and is ${n(entry.uncompressedSize)} bytes, over the ${n(PICKLE_CAP)} that are scanned`);
  const bytes = await zip.read(entry, PICKLE_CAP);
  const where = `${zip.path}: ${entry.name}`;
  try {
    unpickle(bytes, globals, { where, persistentLoad: () => null, torchScript });
  } catch (error) {
    globals.push(unscannable(where, error));
    notices.push(`${entry.name}: ${error.message}`);
  }
}

// src/checkpoint/torch-legacy.ts
var LEGACY_MAGIC = Uint8Array.from([128, 2, 138, 10, 108, 252, 156, 70, 249, 32, 106, 168, 80, 25, 46]);
var MAGIC_VALUE = 0x1950a86a20f9469cfc6cn;
async function readPickles(source, count, globals, persistentLoad, embedded = [], firstWindow = 1 << 20) {
  for (let window = Math.min(source.size, firstWindow); ; window = Math.min(source.size, window * 4)) {
    const bytes = await readRange(source, 0, window, `${source.path}: pickle stream`, PICKLE_CAP);
    const complete = window === source.size;
    const seen = [];
    const found = [];
    const values = [];
    let at = 0;
    try {
      for (let i = 0; i < count && (i === 0 || at < bytes.length || !complete); i++) {
        const result = unpickle(bytes, seen, { where: source.path, persistentLoad, complete, start: at, embedded: found });
        values.push(result.value);
        at = result.end;
      }
      append(globals, seen);
      append(embedded, found);
      return { values, end: at };
    } catch (error) {
      if (!(error instanceof NeedMoreBytes)) {
        append(globals, seen);
        throw error;
      }
      if (window >= PICKLE_CAP) throw new CheckpointError("too-large", `${source.path}: the pickle stream is longer than ${n(PICKLE_CAP)} bytes`);
    }
  }
}
function isLegacyTorch(head, size = head.length) {
  if (head.length >= LEGACY_MAGIC.length && LEGACY_MAGIC.every((b, i) => head[i] === b)) return true;
  if (head[0] !== 76 && head[0] !== 73) return false;
  try {
    return unpickle(head.subarray(0, 64), [], { where: "legacy magic", complete: size <= 64 }).value === MAGIC_VALUE;
  } catch {
    return false;
  }
}
async function readLegacyTorch(source, globals, depth = 0) {
  const storages = /* @__PURE__ */ new Map();
  const persistentLoad = (pid, offset) => {
    const { key, dtype, numel, location } = parseStoragePid(pid, offset, source.path);
    const known = storages.get(key) ?? new StorageRef(key, dtype, numel, location);
    storages.set(key, known);
    return known;
  };
  const embedded = [];
  const { values, end } = await readPickles(source, 5, globals, persistentLoad, embedded);
  const notices = [];
  await scanEmbedded(embedded, source.path, depth, globals, notices);
  const [magic, protocol, sysInfo, object, keys2] = values;
  if (magic !== MAGIC_VALUE) throw new CheckpointError("corrupt", `${source.path}: legacy magic number is ${repr(magic ?? null)}, not 0x1950a86a20f9469cfc6c`);
  if (protocol !== 1001) throw new CheckpointError("corrupt", `${source.path}: legacy protocol version is ${repr(protocol ?? null)}, not 1001`);
  const littleEndian = !(sysInfo instanceof PyDict) || sysInfo.entries.get("little_endian") !== false;
  if (!Array.isArray(keys2) || keys2.some((k) => typeof k !== "string"))
    throw new CheckpointError("corrupt", `${source.path}: the legacy storage key list is ${repr(keys2 ?? null)}`);
  const buildTable = async () => {
    const out2 = /* @__PURE__ */ new Map();
    let at = end;
    for (const key of keys2) {
      const storage = storages.get(key);
      if (storage === void 0) throw new CheckpointError("corrupt", `${source.path}: storage key ${key} is listed but no tensor uses it`);
      const header = await readRange(source, at, 8, `${source.path}: count of storage ${key}`);
      const count = new DataView(header.buffer, header.byteOffset, 8).getBigInt64(0, littleEndian);
      const length = Number(count) * dtypeInfo(storage.dtype).itemSize;
      if (count < 0n || !Number.isSafeInteger(length) || at + 8 + length > source.size)
        throw new CheckpointError("truncated", `${source.path}: storage ${key} overflows the file: ${n(at + 8)} + ${n(count)} × ${dtypeInfo(storage.dtype).itemSize} > ${n(source.size)}`);
      if (Number(count) < storage.numel)
        throw new CheckpointError("corrupt", `${source.path}: storage ${key} holds ${n(count)} elements but the object needs ${n(storage.numel)}`);
      out2.set(key, { source, start: at + 8, length, littleEndian });
      at += 8 + length;
    }
    return out2;
  };
  const table2 = await buildTable();
  return {
    path: source.path,
    format: "torch-legacy",
    sizeBytes: source.size,
    roots: [{ file: void 0, value: object ?? null }],
    tensors: collectTensors(object ?? null),
    globals,
    notices,
    async locate(storage) {
      const location = table2.get(storage.key);
      if (location === void 0) throw new CheckpointError("corrupt", `${source.path}: storage ${storage.key} is not in the key list`);
      return location;
    },
    close: () => source.close()
  };
}
async function readPlainPickle(source, globals, depth = 0) {
  const embedded = [];
  const { values, end } = await readPickles(source, 1, globals, void 0, embedded, PICKLE_CAP);
  const notices = [];
  await scanEmbedded(embedded, source.path, depth, globals, notices);
  if (end < source.size) {
    const stacked = await scanTrailing(source, end, globals);
    notices.push(`${n(source.size - end)} bytes follow the first pickle's STOP opcode: ${stacked === 0 ? "they do not parse as a pickle" : `${stacked} further pickle(s) scanned`}`);
  }
  return {
    path: source.path,
    format: "pickle",
    sizeBytes: source.size,
    roots: [{ file: void 0, value: values[0] ?? null }],
    tensors: collectTensors(values[0] ?? null),
    globals,
    notices,
    locate: async () => {
      throw new CheckpointError("corrupt", `${source.path}: a plain pickle has no tensor storages`);
    },
    close: () => source.close()
  };
}
var MAX_STACKED = 1e3;
async function scanTrailing(source, start, globals) {
  if (source.size - start > PICKLE_CAP)
    throw new CheckpointError("too-large", `${source.path}: ${n(source.size - start)} bytes follow the first pickle, over the ${n(PICKLE_CAP)} that are scanned`);
  const bytes = await readRange(source, start, source.size - start, `${source.path}: trailing bytes`, PICKLE_CAP);
  let at = 0;
  let found = 0;
  for (let i = 0; looksLikePickle(bytes, at); i++) {
    if (i === MAX_STACKED) throw new CheckpointError("too-large", `${source.path}: more than ${n(MAX_STACKED)} stacked pickles`);
    found++;
    try {
      at = unpickle(bytes, globals, { where: `${source.path} (stacked pickle ${i + 2})`, persistentLoad: () => null, start: at }).end;
    } catch (error) {
      const failure = asCheckpointError(error);
      globals.push(unscannable(`${source.path} (stacked pickle ${i + 2})`, failure));
      throw new CheckpointError(failure.reason, `${source.path}: stacked pickle ${i + 2} is ${UNSCANNABLE}: ${failure.message}`);
    }
  }
  return found;
}

// src/checkpoint/detect.ts
var LFS_PREFIX = "version https://git-lfs.github.com/spec/";
function sniff(head, size) {
  if (new TextDecoder("latin1").decode(head.subarray(0, LFS_PREFIX.length)) === LFS_PREFIX) return "lfs-pointer";
  if (head[0] === 80 && head[1] === 75) return head[2] === 3 && head[3] === 4 ? "torch-zip" : "other-zip";
  if (looksLikeSafetensors(head, size)) return "safetensors";
  if (isLegacyTorch(head, size)) return "torch-legacy";
  if (looksLikePickle(head, 0, size)) return "pickle";
  return "unknown";
}
function lfsPointerSize(head) {
  const match = /\nsize (\d+)/.exec(new TextDecoder("latin1").decode(head));
  return match ? Number(match[1]) : void 0;
}

// src/checkpoint/run-directory.ts
var import_yaml = __toESM(require_dist(), 1);
import { readdir as readdir2, readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join2, relative, sep } from "node:path";

// src/checkpoint/json-value.ts
function fromJson(value, depth = 0) {
  if (depth > 200) return null;
  if (value === null || value === void 0) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value;
  if (Array.isArray(value)) return value.map((v) => fromJson(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const dict = new PyDict();
    for (const [key, item] of Object.entries(value)) dict.entries.set(key, fromJson(item, depth + 1));
    return dict;
  }
  return String(value);
}

// src/checkpoint/run-folder.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
var STATE_CAP = 16 * 1024 * 1024;
var numberIn = (name, pattern) => Number(pattern.exec(name)?.[1] ?? -1);
var WEIGHT_INDEXES = ["model.safetensors.index.json", "pytorch_model.bin.index.json"];
var WEIGHT_FILES = ["model.safetensors", "adapter_model.safetensors", "pytorch_model.bin", "adapter_model.bin"];
var LAST = /^last(?:-v(\d+))?\.ckpt$/;
function highest(names, ...patterns) {
  return [...names].sort((x, y) => {
    for (const p of patterns) {
      const d = numberIn(y, p) - numberIn(x, p);
      if (d !== 0) return d;
    }
    return y.localeCompare(x);
  })[0];
}
async function isDirectory(path) {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
async function holdsWeights(dir) {
  const names = await readdir(dir).catch(() => []);
  return names.some((n2) => WEIGHT_INDEXES.includes(n2) || WEIGHT_FILES.includes(n2) || n2.endsWith(".safetensors"));
}
function namesThisFolder(best, root) {
  if (!isAbsolute(best)) return true;
  const parent = dirname(resolve(best));
  return parent === resolve(root) || basename(parent) === basename(resolve(root));
}
async function hfBest(root, dir) {
  const path = join(dir, "trainer_state.json");
  const size = await stat(path).then((s) => s.size, () => Infinity);
  if (size > STATE_CAP) return void 0;
  try {
    const best = JSON.parse(await readFile(path, "utf8")).best_model_checkpoint;
    return typeof best === "string" && best !== "" && namesThisFolder(best, root) ? basename(best) : void 0;
  } catch {
    return void 0;
  }
}
async function pickHuggingFace(dir, names) {
  const named = names.filter((n2) => /^checkpoint-\d+$/.test(n2));
  if (named.length === 0) return void 0;
  const steps = [];
  for (const n2 of named) if (await holdsWeights(join(dir, n2))) steps.push(n2);
  if (steps.length === 0) return void 0;
  const last = highest(steps, /^checkpoint-(\d+)$/);
  const best = await hfBest(dir, join(dir, last));
  if (best !== void 0 && steps.includes(best))
    return { path: join(dir, best), description: `${best} (the best_model_checkpoint that ${last}/trainer_state.json names)` };
  return { path: join(dir, last), description: `${last} (the highest step of ${steps.length} checkpoint-N folders)` };
}
function lightningBest(checkpoint, folder) {
  const root = checkpoint.roots[0]?.value;
  const callbacks = root instanceof PyDict ? root.entries.get("callbacks") : void 0;
  if (!(callbacks instanceof PyDict)) return void 0;
  for (const [key, state] of callbacks.entries) {
    if (!String(key).startsWith("ModelCheckpoint") || !(state instanceof PyDict)) continue;
    const best = state.entries.get("best_model_path");
    if (typeof best === "string" && best !== "" && namesThisFolder(best, folder)) return basename(best);
  }
  return void 0;
}
async function ckptFiles(folder) {
  if (!await isDirectory(folder)) return [];
  return (await readdir(folder)).filter((f) => f.endsWith(".ckpt"));
}
async function pickLightning(dir, names, open2) {
  const versions2 = names.filter((n2) => /^version_\d+$/.test(n2));
  const withCheckpoints = [];
  for (const v of versions2) if ((await ckptFiles(join(dir, v, "checkpoints"))).length > 0) withCheckpoints.push(v);
  const version = withCheckpoints.length > 0 ? highest(withCheckpoints, /^version_(\d+)$/) : void 0;
  const folder = version !== void 0 ? join(version, "checkpoints") : "checkpoints";
  const files = await ckptFiles(join(dir, folder));
  if (files.length === 0) return void 0;
  const lasts = files.filter((f) => LAST.test(f));
  const last = lasts.length > 0 ? highest(lasts, LAST) : highest(files, /step=(\d+)/, /epoch=(\d+)/);
  const lastWhy = lasts.length > 0 ? `Lightning's last checkpoint of ${files.length} .ckpt files` : `the highest step of ${files.length} .ckpt files`;
  const skipped = versions2.length - withCheckpoints.length;
  const without = skipped > 0 ? ` with a .ckpt; ${skipped} without one passed over` : "";
  const where = version !== void 0 ? `, in the highest of ${withCheckpoints.length} version_N folders${without}` : "";
  const lastCheckpoint = await open2(join(dir, folder, last)).catch(() => void 0);
  const best = lastCheckpoint !== void 0 ? lightningBest(lastCheckpoint, join(dir, folder)) : void 0;
  await lastCheckpoint?.close();
  if (best !== void 0 && files.includes(best))
    return { path: join(dir, folder, best), description: `${join(folder, best)} (the best_model_path that ${last} names${where})` };
  return { path: join(dir, folder, last), description: `${join(folder, last)} (${lastWhy}${where})` };
}
async function pickRunCheckpoint(dir, names, open2) {
  return await pickHuggingFace(dir, names) ?? await pickLightning(dir, names, open2);
}

// src/checkpoint/run-directory.ts
var PICKLED_FILES = ["training_args.bin"];
var PICKLE_SUFFIXES = [".bin", ".pt", ".pth", ".pkl", ".ckpt"];
var MAX_SCANNED = 64;
var TEXT_FILES = ["trainer_state.json", "config.json", "adapter_config.json", "hparams.yaml"];
var TEXT_CAP = 16 * 1024 * 1024;
var NOT_A_PICKLE = ["lfs-pointer", "empty", "not-found"];
async function readRunDirectory(path, open2) {
  const names = new Set(await readdir2(path));
  if (![...WEIGHT_INDEXES, ...WEIGHT_FILES].some((f) => names.has(f))) {
    const choice = await pickRunCheckpoint(path, [...names], open2);
    if (choice !== void 0) return readChosen(path, names, choice, open2);
  }
  const parts = [];
  const roots = [];
  const globals = [];
  const notices = [];
  const tensors = [];
  const owner = /* @__PURE__ */ new Map();
  const closeAll = async () => {
    await Promise.all(parts.map((p) => p.close()));
  };
  try {
    const include = (file, part, withTensors) => {
      parts.push(part);
      for (const root of part.roots) roots.push({ file, value: root.value });
      append(globals, part.globals.map((g) => ({ ...g, where: `${file}: ${g.where}` })));
      append(notices, part.notices.map((m) => `${file}: ${m}`));
      if (withTensors) for (const t of part.tensors) {
        tensors.push(t);
        owner.set(t.tensor.storage, part);
      }
    };
    for (const file of PICKLED_FILES) if (names.has(file)) include(file, await open2(join2(path, file)), false);
    for (const file of TEXT_FILES) if (names.has(file)) roots.push({ file, value: await readText(join2(path, file), file) });
    const index = WEIGHT_INDEXES.find((f) => names.has(f));
    const weightFiles = index !== void 0 ? await shardsOf(path, index) : WEIGHT_FILES.filter((f) => names.has(f));
    for (const file of weightFiles) include(file, await open2(join2(path, file)), true);
    const everything = await readdir2(path, { recursive: true });
    await scanSidePickles(path, everything.filter((f) => !PICKLED_FILES.includes(f) && !weightFiles.includes(f)), open2, globals, notices);
    if (roots.length === 0 && tensors.length === 0)
      throw new CheckpointError("not-a-checkpoint", `${path}: a directory without training_args.bin, trainer_state.json, config.json, hparams.yaml or model weights`);
  } catch (error) {
    await closeAll();
    throw error;
  }
  const size = (await Promise.all([...names].map((f) => stat2(join2(path, f)).then((s) => s.isFile() ? s.size : 0, () => 0)))).reduce((a, b) => a + b, 0);
  return {
    path,
    format: "run-dir",
    sizeBytes: size,
    roots,
    tensors,
    globals,
    notices,
    locate: (storage) => owner.get(storage).locate(storage),
    close: closeAll
  };
}
async function readChosen(path, names, choice, open2) {
  const chosen = await open2(choice.path);
  try {
    const roots = [...chosen.roots];
    for (const file of TEXT_FILES) if (names.has(file)) roots.push({ file, value: await readText(join2(path, file), file) });
    const within = relative(path, choice.path);
    const globals = chosen.globals.map((g) => isAbsolute2(g.where.split(": ")[0]) ? g : { ...g, where: join2(within, g.where) });
    const notices = [`read ${choice.description}`, ...chosen.notices];
    await scanSidePickles(path, await otherPickles(path, choice.path), open2, globals, notices);
    return { ...chosen, roots, globals, notices, selection: choice.description };
  } catch (error) {
    await chosen.close();
    throw error;
  }
}
async function otherPickles(root, chosen) {
  const chosenRelative = relative(root, chosen);
  const all = await readdir2(root, { recursive: true });
  return all.filter((f) => PICKLE_SUFFIXES.some((s) => f.endsWith(s)) && f !== chosenRelative && !f.startsWith(chosenRelative + sep));
}
async function scanSidePickles(dir, files, open2, globals, notices) {
  const pickles = files.filter((f) => PICKLE_SUFFIXES.some((s) => f.endsWith(s))).sort();
  for (const file of pickles.slice(0, MAX_SCANNED)) {
    try {
      const part = await open2(join2(dir, file));
      append(globals, part.globals.map((g) => ({ ...g, where: `${file}: ${g.where}` })));
      await part.close();
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
      append(globals, error.globals.map((g) => ({ ...g, where: file })));
      if (!NOT_A_PICKLE.includes(error.reason) && !await isFolder(join2(dir, file))) globals.push(unscannable(`${file}: ${error.message}`, error));
      notices.push(`${file}: not scanned (${error.reason}): ${error.message}`);
    }
  }
  if (pickles.length > MAX_SCANNED) notices.push(`${pickles.length - MAX_SCANNED} more pickle files not scanned (the limit is ${MAX_SCANNED})`);
}
async function isFolder(path) {
  return stat2(path).then((s) => s.isDirectory(), () => false);
}
async function readText(path, file) {
  const info = await stat2(path);
  if (info.size > TEXT_CAP) throw new CheckpointError("too-large", `${path}: ${n(info.size)} bytes; the limit for ${file} is ${n(TEXT_CAP)}`);
  const text = await readFile2(path, "utf8");
  try {
    const value = fromJson(file.endsWith(".yaml") ? (0, import_yaml.parse)(text, { maxAliasCount: 1e3 }) : JSON.parse(text));
    return value instanceof PyDict ? value : new PyDict();
  } catch (error) {
    throw new CheckpointError("corrupt", `${path}: ${file} does not parse: ${error.message}`);
  }
}
async function shardsOf(dir, index) {
  const value = await readText(join2(dir, index), index);
  const map = value.entries.get("weight_map");
  if (!(map instanceof PyDict)) throw new CheckpointError("corrupt", `${join2(dir, index)}: no weight_map object`);
  const files = [...new Set([...map.entries.values()].map(String))];
  for (const file of files) {
    if (file.includes("/") || file.includes("\\") || file.startsWith("."))
      throw new CheckpointError("corrupt", `${join2(dir, index)}: shard name ${JSON.stringify(file)} leaves the directory`);
  }
  return files;
}

// src/checkpoint/remote/address.ts
var SCHEMES = ["https://", "http://", "hf://", "s3://"];
function isRemoteAddress(written) {
  const lower = written.toLowerCase();
  return SCHEMES.some((scheme) => lower.startsWith(scheme));
}
function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
function parseAddress(written) {
  const parsed = parseAny(written);
  return "problem" in parsed ? { problem: parsed.problem.replaceAll(written, displayAddress(written)) } : parsed;
}
function parseAny(written) {
  const lower = written.toLowerCase();
  if (lower.startsWith("hf://")) return parseHf(written);
  if (lower.startsWith("s3://")) return parseS3(written);
  return parseHttp(written);
}
function climbingSegment(path) {
  return path.split("/").find((segment) => {
    const decoded = safeDecode(segment) ?? segment;
    return segment.includes("\\") || decoded.includes("\\") || decoded === "." || decoded === "..";
  });
}
function climbs(written, path) {
  const segment = climbingSegment(path);
  return segment === void 0 ? void 0 : { problem: `'${written}': the path segment '${segment}' is '.' or '..' once decoded, or holds a backslash; not allowed in a remote address` };
}
function parseHttp(written) {
  const climbing = climbs(written, written.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i, "").split(/[?#]/)[0]);
  if (climbing !== void 0) return climbing;
  let url;
  try {
    url = new URL(written);
  } catch {
    return { problem: `'${written}' is not a valid URL` };
  }
  if (url.username !== "" || url.password !== "")
    return { problem: `'${redact(url)}' carries credentials in the URL; use a token variable instead` };
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname))
    return { problem: `'${written}' uses plain http; only https is allowed (http only for loopback hosts)` };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: `'${written}': unsupported scheme ${url.protocol}` };
  if (url.pathname === "/" || url.pathname === "") return { problem: `'${written}' names no file` };
  return { kind: "https", written, url };
}
function parseHf(written) {
  const expected = `expected hf://[datasets/]OWNER/REPO[@REVISION]/PATH`;
  let rest = written.slice("hf://".length);
  const dataset = rest.startsWith("datasets/");
  if (dataset) rest = rest.slice("datasets/".length);
  const parts = rest.split("/");
  if (parts.length < 3 || parts.some((part) => part === "")) return { problem: `'${written}': ${expected}` };
  const [owner, repoAndRev, ...path] = parts;
  const at = repoAndRev.indexOf("@");
  const repo = at < 0 ? repoAndRev : repoAndRev.slice(0, at);
  const revision = at < 0 ? "main" : safeDecode(repoAndRev.slice(at + 1));
  if (!NAME.test(owner) || !NAME.test(repo) || revision === void 0 || revision === "")
    return { problem: `'${written}': ${expected}` };
  const climbing = climbs(written, path.join("/")) ?? climbs(written, revision);
  if (climbing !== void 0) return climbing;
  return { kind: "hf", written, dataset, repo: `${owner}/${repo}`, revision, path: path.join("/") };
}
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function parseS3(written) {
  const rest = written.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? "" : rest.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return { problem: `'${written}': '${bucket}' is not a valid S3 bucket name` };
  if (key === "" || key.endsWith("/")) return { problem: `'${written}' names no object (expected s3://BUCKET/KEY)` };
  const climbing = climbs(written, key);
  if (climbing !== void 0) return climbing;
  return { kind: "s3", written, bucket, key };
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return void 0;
  }
}
function displayAddress(written) {
  const withoutUser = written.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@");
  const query = withoutUser.indexOf("?");
  if (query < 0) return withoutUser;
  const hash2 = withoutUser.indexOf("#", query);
  const end = hash2 < 0 ? withoutUser.length : hash2;
  const params = withoutUser.slice(query + 1, end).replace(/(^|&)([^=&]*)=[^&]*/g, "$1$2=***");
  return `${withoutUser.slice(0, query + 1)}${params}${withoutUser.slice(end)}`;
}
function redact(url) {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

// src/checkpoint/remote/lfs.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname as dirname2, join as join3 } from "node:path";

// src/checkpoint/remote/credentials.ts
var HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
function checkHeaderValue(variable, value) {
  if (!HEADER_VALUE.test(value))
    throw new CheckpointError("refused", `${variable} holds characters an HTTP header cannot carry (a newline, a control or non-ASCII character, or leading/trailing space); it was not sent`);
  return value;
}

// src/checkpoint/remote/policy.ts
function remotePolicy(env) {
  const mode = (env.CKPT_AUDIT_REMOTE ?? "allow").trim().toLowerCase();
  const list = splitHosts(env.CKPT_AUDIT_REMOTE_HOSTS ?? "");
  const problems = remoteHostProblems(list);
  if (problems.length > 0) throw new CheckpointError("refused", `remote-hosts (CKPT_AUDIT_REMOTE_HOSTS): ${problems.join("; ")}`);
  return { allow: mode !== "deny", hosts: list.length > 0 ? new Set(list.map(hostKey)) : void 0 };
}
function splitHosts(text) {
  return text.split(/[\s,]+/).map((h) => h.trim()).filter((h) => h !== "");
}
function hostKey(host) {
  return host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}
function remoteHostProblems(entries) {
  const problems = [];
  for (const entry of entries) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) problems.push(`'${entry}' has a scheme; write the host name only`);
    else if (/[/?#@\\]/.test(entry)) problems.push(`'${entry}' is not a host name (it holds / ? # @ or \\)`);
    else if (/^\[[^\]]*\]:/.test(entry) || !entry.startsWith("[") && (entry.match(/:/g) ?? []).length === 1)
      problems.push(`'${entry}' has a port; hosts are matched on the name alone, write it without the port`);
    else if (entry.startsWith("[") && !/^\[[0-9a-f:.]+\]$/i.test(entry)) problems.push(`'${entry}' is not a host name`);
  }
  return problems;
}

// src/checkpoint/remote/http-request.ts
var Budget = class {
  ms;
  allowance;
  #spent = 0;
  #inFlight = 0;
  #since = 0;
  constructor(ms) {
    this.ms = ms;
    this.allowance = ms;
  }
  enter() {
    if (this.#inFlight++ === 0) this.#since = Date.now();
  }
  leave() {
    if (--this.#inFlight === 0) this.#spent += Date.now() - this.#since;
  }
  get remaining() {
    return this.allowance - this.#spent - (this.#inFlight > 0 ? Date.now() - this.#since : 0);
  }
};
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 5;
var Transient = class extends Error {
};
async function request(target, url, extra, transport, accept = () => {
}) {
  transport.deadline?.enter();
  try {
    return await attempts(target, url, extra, transport, accept);
  } finally {
    transport.deadline?.leave();
  }
}
async function attempts(target, url, extra, transport, accept) {
  let last;
  for (let attempt = 0; attempt <= transport.retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(transport.backoffMs * 2 ** (attempt - 1), remaining(transport)));
    if (remaining(transport) <= 0) throw pastDeadline(target, transport);
    try {
      const answer = await follow(target, url, extra, transport);
      if (answer.response.status >= 500) {
        await answer.response.body?.cancel();
        throw new Transient(`HTTP ${answer.response.status}`);
      }
      await accept(answer);
      return answer;
    } catch (error) {
      if (error instanceof CheckpointError) throw error;
      last = error;
    }
  }
  if (remaining(transport) <= 0) throw pastDeadline(target, transport);
  const why = last instanceof Transient ? last.message : networkMessage(last);
  throw new CheckpointError("network", `${target.display}: ${why} after ${transport.retries + 1} attempts`);
}
async function follow(target, url, extra, transport) {
  const hops = [];
  const signedHost = new URL(target.url).host;
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    checkHost(target, current, transport);
    let headers = { ...target.headers, ...extra };
    if (target.credential !== void 0 && current.host === target.credential.host) Object.assign(headers, target.credential.headers);
    if (target.sign !== void 0 && current.host === signedHost) headers = await target.sign(current.href, headers);
    let response;
    const timeout = Math.max(1, Math.min(transport.timeoutMs, remaining(transport)));
    try {
      response = await transport.fetch(current.href, { headers, redirect: "manual", signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      throw new Transient(error.name === "TimeoutError" ? `no answer within ${timeout} ms` : networkMessage(error));
    }
    if (!REDIRECTS.has(response.status)) return { response, url: current.href, hops };
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new CheckpointError("network", `${target.display}: more than ${MAX_REDIRECTS} redirects`);
    const location = response.headers.get("location");
    if (location === null) throw new CheckpointError("network", `${target.display}: a redirect (HTTP ${response.status}) without a Location`);
    const next = new URL(location, current);
    if (next.protocol !== "https:" && !(next.protocol === "http:" && isLoopbackHost(next.hostname)))
      throw new CheckpointError("refused", `${target.display}: refused a redirect from ${redact(current)} to ${redact(next)} (only https, or http on loopback)`);
    hops.push(response.headers);
    current = next;
  }
}
function checkHost(target, url, transport) {
  if (transport.allowHosts !== void 0 && !transport.allowHosts.has(hostKey(url.hostname)))
    throw new CheckpointError("refused", `${target.display}: host ${url.hostname} is not in the allowed remote hosts (remote-hosts)`);
}
function networkMessage(error) {
  const cause = error instanceof Error ? error.cause : void 0;
  const code = [cause, error].map((e) => e?.code).find((c) => typeof c === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(c));
  if (code !== void 0) return `the connection failed (${code})`;
  if (error instanceof Error && error.name === "TimeoutError") return "no answer in time";
  if (error instanceof TypeError) return "the request could not be sent";
  return "the connection failed";
}
function remaining(transport) {
  return transport.deadline === void 0 ? Infinity : transport.deadline.remaining;
}
function pastDeadline(target, transport) {
  return new CheckpointError("network", `${target.display}: gave up at the overall deadline of ${transport.deadline.ms / 1e3} s for this address (CKPT_AUDIT_REMOTE_DEADLINE_S)`);
}
function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
async function readBody(response, limit) {
  const out2 = new Uint8Array(limit);
  let filled = 0;
  const reader = response.body.getReader();
  for (; ; ) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new Transient(networkMessage(error));
    }
    if (chunk.done) break;
    if (filled + chunk.value.length > limit) {
      await reader.cancel();
      throw new Transient(`the server sent more than the ${limit} bytes asked for`);
    }
    out2.set(chunk.value, filled);
    filled += chunk.value.length;
  }
  return out2.subarray(0, filled);
}

// src/checkpoint/remote/lfs.ts
function parseLfsPointer(text) {
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (oid === null || size === null || !Number.isSafeInteger(Number(size[1]))) return void 0;
  return { oid: oid[1], size: Number(size[1]) };
}
function findCheckout(file) {
  for (let folder = dirname2(file); ; folder = dirname2(folder)) {
    if (existsSync(join3(folder, ".lfsconfig")) || existsSync(join3(folder, ".git"))) return folder;
    if (dirname2(folder) === folder) return void 0;
  }
}
function lfsEndpoint(checkout) {
  const configured = gitConfigValue(join3(checkout, ".lfsconfig"), "lfs", "url");
  if (configured !== void 0) return configured.replace(/\/+$/, "");
  const remote = gitConfigValue(join3(checkout, ".git", "config"), 'remote "origin"', "url");
  return remote === void 0 ? void 0 : remoteToLfs(remote);
}
function remoteToLfs(remote) {
  const scp = /^(?:ssh:\/\/)?[^@/]+@([^:/]+)[:/](.+?)$/.exec(remote);
  const base = scp !== null ? `https://${scp[1]}/${scp[2]}` : /^https?:\/\//.test(remote) ? remote : void 0;
  if (base === void 0) return void 0;
  const url = new URL(base);
  url.username = "";
  url.password = "";
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith(".git") ? path : `${path}.git`;
  return `${url.href}/info/lfs`;
}
function gitConfigValue(file, section, key) {
  if (!existsSync(file)) return void 0;
  let inside = false;
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header !== null) inside = header[1].trim() === section;
    else if (inside) {
      const match = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line);
      if (match !== null && match[1].toLowerCase() === key) return match[2].trim().replace(/^"(.*)"$/, "$1");
    }
  }
  return void 0;
}
function trustedLfsHosts(env) {
  const hosts = /* @__PURE__ */ new Set([new URL(env.GITHUB_SERVER_URL || "https://github.com").host.toLowerCase()]);
  for (const host of (env.CKPT_AUDIT_LFS_HOST ?? "").split(/[\s,]+/)) if (host !== "") hosts.add(host.toLowerCase());
  return hosts;
}
function lfsAuthorization(env, endpoint) {
  const explicit = env.CKPT_AUDIT_LFS_AUTHORIZATION || void 0;
  const token = env.GITHUB_TOKEN || void 0;
  if (explicit === void 0 && token === void 0) return {};
  const host = new URL(endpoint).host.toLowerCase();
  if (!trustedLfsHosts(env).has(host)) {
    const name = explicit !== void 0 ? "CKPT_AUDIT_LFS_AUTHORIZATION" : "GITHUB_TOKEN";
    return { withheld: `${name} was not sent to the LFS endpoint ${host}: only the GitHub server's host or one named in CKPT_AUDIT_LFS_HOST gets LFS credentials` };
  }
  if (explicit !== void 0) return { authorization: checkHeaderValue("CKPT_AUDIT_LFS_AUTHORIZATION", explicit) };
  return { authorization: `Basic ${Buffer.from(`x-access-token:${checkHeaderValue("GITHUB_TOKEN", token)}`).toString("base64")}` };
}
var LFS_JSON = "application/vnd.git-lfs+json";
async function resolveLfs(display, pointer, endpoint, authorization, transport) {
  const url = new URL(`${endpoint}/objects/batch`);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname)))
    throw new CheckpointError("refused", `${display}: the LFS endpoint ${url.protocol}//${url.host} is not https`);
  const body = JSON.stringify({ operation: "download", transfers: ["basic"], objects: [{ oid: pointer.oid, size: pointer.size }], hash_algo: "sha256" });
  const post = async (target, headers) => transport.fetch(target, { method: "POST", headers: { ...headers, "content-type": LFS_JSON }, body, redirect: "error", signal: AbortSignal.timeout(transport.timeoutMs) });
  const batch = {
    display,
    url: url.href,
    headers: { accept: LFS_JSON },
    ...authorization !== void 0 ? { credential: { host: url.host, headers: { authorization } } } : {}
  };
  let json;
  await request(batch, url.href, {}, { ...transport, fetch: (target, init) => post(String(target), init?.headers) }, async ({ response }) => {
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new CheckpointError(response.status === 404 ? "not-found" : "network", `${display}: the LFS batch API answered HTTP ${response.status}`);
    }
    const text = new TextDecoder().decode(await readBody(response, 1 << 20));
    try {
      json = JSON.parse(text);
    } catch {
      throw new CheckpointError("network", `${display}: the LFS batch API answered with something other than JSON`);
    }
  });
  return downloadTarget(display, json, pointer);
}
function downloadTarget(display, json, pointer) {
  const objects = json?.objects;
  const object = Array.isArray(objects) ? objects.find((o) => o?.oid === pointer.oid) : void 0;
  if (object === void 0) throw new CheckpointError("not-found", `${display}: the LFS batch response does not list object ${pointer.oid}`);
  const error = object.error;
  if (error !== void 0) throw new CheckpointError("not-found", `${display}: LFS object ${pointer.oid}: ${error.message ?? "error"} (${error.code ?? "?"})`);
  const download = object.actions?.download;
  if (typeof download?.href !== "string") throw new CheckpointError("not-found", `${display}: the LFS server gave no download action for ${pointer.oid}`);
  const header = download.header !== null && typeof download.header === "object" ? download.header : {};
  const headers = Object.fromEntries(Object.entries(header).filter(([, v]) => typeof v === "string"));
  const href = new URL(download.href);
  if (href.protocol !== "https:" && !(href.protocol === "http:" && isLoopbackHost(href.hostname)))
    throw new CheckpointError("refused", `${display}: the LFS download href is not https`);
  return { display, url: href.href, credential: { host: href.host, headers } };
}

// src/checkpoint/remote/hf.ts
var DEFAULT_HF_ENDPOINT = "https://huggingface.co";
function hfTarget(address, env) {
  const endpoint = new URL(env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT);
  const base = endpoint.href.replace(/\/+$/, "");
  const path = address.path.split("/").map(encodeURIComponent).join("/");
  const url = `${base}${address.dataset ? "/datasets" : ""}/${address.repo}/resolve/${encodeURIComponent(address.revision)}/${path}`;
  const token = env.HF_TOKEN ? checkHeaderValue("HF_TOKEN", env.HF_TOKEN) : void 0;
  return {
    display: address.written,
    url,
    digestHost: endpoint.host,
    // the CDN the Hub redirects to is another host: the token never follows the redirect
    ...token ? { credential: { host: endpoint.host, headers: { authorization: `Bearer ${token}` } } } : {}
  };
}

// src/checkpoint/remote/http-source.ts
import { createHash } from "node:crypto";

// src/checkpoint/remote/block-cache.ts
var BlockCache = class {
  blockSize;
  #limit;
  #blocks = /* @__PURE__ */ new Map();
  constructor(blockSize, maxBlocks) {
    this.blockSize = blockSize;
    this.#limit = Math.max(1, maxBlocks);
  }
  get(index) {
    const block = this.#blocks.get(index);
    if (block !== void 0) {
      this.#blocks.delete(index);
      this.#blocks.set(index, block);
    }
    return block;
  }
  set(index, block) {
    this.#blocks.delete(index);
    this.#blocks.set(index, block);
    while (this.#blocks.size > this.#limit) this.#blocks.delete(this.#blocks.keys().next().value);
  }
  get size() {
    return this.#blocks.size;
  }
};
function missingRuns(first, last, has) {
  const runs = [];
  for (let i = first; i <= last; i++) {
    if (has(i)) continue;
    const run = runs.at(-1);
    if (run !== void 0 && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

// src/checkpoint/remote/limiter.ts
function limiter(max) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= max) await new Promise((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

// src/checkpoint/remote/http-headers.ts
function parseContentRange(value) {
  const match = value === null ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value.trim());
  if (match === null) return void 0;
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (![start, end, total].every(Number.isSafeInteger) || start > end || end >= total) return void 0;
  return { start, end, total };
}
function pinOf(headers) {
  const etag = headers.get("etag") ?? void 0;
  const lastModified = headers.get("last-modified") ?? void 0;
  return { ...etag !== void 0 ? { etag } : {}, ...lastModified !== void 0 ? { lastModified } : {} };
}
function sha256Of(value) {
  const match = value === null ? null : /^(?:W\/)?"?([0-9a-f]{64})"?$/i.exec(value.trim());
  return match === null ? void 0 : match[1].toLowerCase();
}

// src/checkpoint/remote/http-source.ts
var DEFAULT_HTTP_OPTIONS = {
  blockSize: 64 * 1024,
  cacheBytes: 32 * 1024 * 1024,
  concurrency: 4,
  directBytes: 4 * 1024 * 1024,
  timeoutMs: 3e4,
  retries: 3,
  backoffMs: 250,
  deadlineMs: 12e4,
  allowHosts: void 0,
  fetch: (...args) => fetch(...args)
};
async function openHttpSource(target, given = DEFAULT_HTTP_OPTIONS) {
  const deadlineMs = given.deadlineMs ?? DEFAULT_HTTP_OPTIONS.deadlineMs;
  const deadline = new Budget(deadlineMs);
  const options3 = {
    ...given,
    deadline,
    // an honest long read (a digest of a large object) keeps going: each MiB received buys a second
    onBytes: (bytes) => {
      deadline.allowance += bytes / 1024;
      given.onBytes?.(bytes);
    }
  };
  const stats2 = { requests: 0, bytes: 0 };
  const cache = new BlockCache(options3.blockSize, Math.floor(options3.cacheBytes / options3.blockSize));
  let first;
  let size = 0;
  let pin = {};
  const opened = await request(target, target.url, { range: `bytes=0-${options3.blockSize - 1}` }, options3, async (answer) => {
    stats2.requests++;
    const { response } = answer;
    if (response.status === 200) {
      first = await wholeSmallBody(target, response, options3.blockSize);
      size = first.length;
      pin = pinOf(response.headers);
      return;
    }
    if (response.status === 416) {
      await response.body?.cancel();
      throw new CheckpointError("empty", `${target.display}: the file is empty (0 bytes)`);
    }
    if (response.status !== 206) await failStatus(target, response);
    const range = parseContentRange(response.headers.get("content-range"));
    if (range === void 0 || range.start !== 0) {
      await response.body?.cancel();
      throw new CheckpointError("no-range-support", `${target.display}: no usable Content-Range in the answer`);
    }
    size = range.total;
    pin = pinOf(response.headers);
    first = await readBody(response, options3.blockSize);
    if (first.length !== range.end - range.start + 1) throw new Transient(`short body: ${first.length} bytes`);
  });
  stats2.bytes += first.length;
  options3.onBytes?.(first.length);
  if (size === 0) throw new CheckpointError("empty", `${target.display}: the file is empty (0 bytes)`);
  if (first.length === options3.blockSize || first.length === size) cache.set(0, first);
  const whole = first.length === size;
  if (!whole && !pinnable(pin) && !options3.allowUnpinned)
    throw new CheckpointError("refused", `${target.display}: the server gives no validator, so the file cannot be pinned (no strong ETag, no Last-Modified): its range reads could mix two versions. Set CKPT_AUDIT_REMOTE_UNPINNED=allow to read it anyway`);
  checkLinkedSize(target, opened.hops, size);
  const url = opened.url;
  const limit = limiter(options3.concurrency);
  const fetchSpan = (start, end) => limit(async () => {
    let body;
    await request(target, url, { range: `bytes=${start}-${end}`, ...conditions(pin) }, options3, async (answer) => {
      stats2.requests++;
      const { response } = answer;
      if (response.status === 412 || response.status === 200) {
        await response.body?.cancel();
        throw changed(target);
      }
      if (response.status !== 206) await failStatus(target, response);
      const range = parseContentRange(response.headers.get("content-range"));
      const now = pinOf(response.headers);
      if (range === void 0 || range.total !== size || differs(pin, now)) {
        await response.body?.cancel();
        throw changed(target);
      }
      if (range.start !== start || range.end !== end) throw new CheckpointError("no-range-support", `${target.display}: asked for bytes ${start}-${end}, got ${range.start}-${range.end}`);
      body = await readBody(response, end - start + 1);
      if (body.length !== end - start + 1) throw new Transient(`short body: ${n(body.length)} of ${n(end - start + 1)} bytes`);
    });
    stats2.bytes += body.length;
    options3.onBytes?.(body.length);
    return body;
  });
  const readDirect = async (offset, target2) => {
    const parts = [];
    for (let at = 0; at < target2.length; at += options3.directBytes) {
      const length = Math.min(options3.directBytes, target2.length - at);
      parts.push(fetchSpan(offset + at, offset + at + length - 1).then((bytes) => target2.set(bytes, at)));
    }
    await Promise.all(parts);
  };
  const readCached = async (offset, target2) => {
    const bs = options3.blockSize;
    const firstBlock = Math.floor(offset / bs);
    const lastBlock = Math.floor((offset + target2.length - 1) / bs);
    const blocks = /* @__PURE__ */ new Map();
    for (let i = firstBlock; i <= lastBlock; i++) {
      const block = cache.get(i);
      if (block !== void 0) blocks.set(i, block);
    }
    await Promise.all(missingRuns(firstBlock, lastBlock, (i) => blocks.has(i)).map(async ([a, b]) => {
      const bytes = await fetchSpan(a * bs, Math.min(size, (b + 1) * bs) - 1);
      for (let i = a; i <= b; i++) {
        const block = bytes.slice((i - a) * bs, (i - a + 1) * bs);
        blocks.set(i, block);
        cache.set(i, block);
      }
    }));
    for (let i = firstBlock; i <= lastBlock; i++) {
      const block = blocks.get(i);
      const blockStart = i * bs;
      const from = Math.max(offset, blockStart);
      const to = Math.min(offset + target2.length, blockStart + block.length);
      target2.set(block.subarray(from - blockStart, to - blockStart), from - offset);
    }
  };
  const fill = (offset, target2) => {
    if (target2.length === 0) return Promise.resolve();
    if (offset < 0 || offset + target2.length > size) throw new CheckpointError("truncated", `${target2.length} bytes at ${n(offset)} overflow the file (${n(size)} bytes)`);
    return target2.length >= options3.directBytes ? readDirect(offset, target2) : readCached(offset, target2);
  };
  return {
    path: target.display,
    size,
    pin,
    whole,
    wholeSha256: whole ? createHash("sha256").update(first).digest("hex") : void 0,
    digest: hubDigest(target, opened.hops),
    stats: stats2,
    async read(offset, length) {
      const out2 = new Uint8Array(length);
      await fill(offset, out2);
      return out2;
    },
    readInto: fill,
    close: async () => {
    }
  };
}
function strongEtag(pin) {
  return pin.etag !== void 0 && !pin.etag.startsWith("W/");
}
function pinnable(pin) {
  return strongEtag(pin) || pin.lastModified !== void 0;
}
function conditions(pin) {
  if (strongEtag(pin)) return { "if-match": pin.etag };
  if (pin.lastModified !== void 0) return { "if-unmodified-since": pin.lastModified };
  return {};
}
function differs(pin, now) {
  return pin.etag !== void 0 && now.etag !== pin.etag || pin.lastModified !== void 0 && now.lastModified !== pin.lastModified;
}
async function wholeSmallBody(target, response, blockSize) {
  const length = Number(response.headers.get("content-length") ?? NaN);
  if (!Number.isSafeInteger(length) || length > blockSize || response.headers.has("content-encoding")) {
    await response.body?.cancel();
    throw new CheckpointError("no-range-support", `${target.display}: the server ignores Range requests (HTTP 200 with the whole file); no range support, so it is not downloaded`);
  }
  const body = await readBody(response, blockSize);
  if (body.length !== length) throw new Transient(`short body: ${body.length} of ${length} bytes`);
  return body;
}
function changed(target) {
  return new CheckpointError("changed", `${target.display}: the file changed while it was read`);
}
async function failStatus(target, response) {
  await response.body?.cancel();
  const status = response.status;
  if (status === 404 || status === 410) throw new CheckpointError("not-found", `${target.display}: not found (HTTP ${status})`);
  if (status === 401 || status === 403) throw new CheckpointError("not-found", `${target.display}: access denied (HTTP ${status}); check the credentials for this host`);
  throw new CheckpointError("network", `${target.display}: unexpected HTTP ${status}`);
}
function checkLinkedSize(target, hops, size) {
  for (const hop of hops) {
    const linked = hop.get("x-linked-size");
    if (linked !== null && Number(linked) !== size)
      throw new CheckpointError("changed", `${target.display}: the Hub names a ${linked}-byte file, the CDN served ${n(size)} bytes`);
  }
}
function hubDigest(target, hops) {
  const first = hops[0];
  if (target.digestHost === void 0 || first === void 0 || new URL(target.url).host !== target.digestHost) return void 0;
  const sha256 = sha256Of(first.get("x-linked-etag"));
  return sha256 === void 0 ? void 0 : { sha256, from: "the Hub's X-Linked-Etag" };
}

// node_modules/aws4fetch/dist/aws4fetch.esm.mjs
var encoder = new TextEncoder();
var HOST_SERVICES = {
  appstream2: "appstream",
  cloudhsmv2: "cloudhsm",
  email: "ses",
  marketplace: "aws-marketplace",
  mobile: "AWSMobileHubService",
  pinpoint: "mobiletargeting",
  queue: "sqs",
  "git-codecommit": "codecommit",
  "mturk-requester-sandbox": "mturk-requester",
  "personalize-runtime": "personalize"
};
var UNSIGNABLE_HEADERS = /* @__PURE__ */ new Set([
  "authorization",
  "content-type",
  "content-length",
  "user-agent",
  "presigned-expires",
  "expect",
  "x-amzn-trace-id",
  "range",
  "connection"
]);
var AwsV4Signer = class {
  constructor({ method, url, headers, body, accessKeyId, secretAccessKey, sessionToken, service, region, cache, datetime, signQuery, appendSessionToken, allHeaders, singleEncode }) {
    if (url == null) throw new TypeError("url is a required option");
    if (accessKeyId == null) throw new TypeError("accessKeyId is a required option");
    if (secretAccessKey == null) throw new TypeError("secretAccessKey is a required option");
    this.method = method || (body ? "POST" : "GET");
    this.url = new URL(url);
    this.headers = new Headers(headers || {});
    this.body = body;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    let guessedService, guessedRegion;
    if (!service || !region) {
      [guessedService, guessedRegion] = guessServiceRegion(this.url, this.headers);
    }
    this.service = service || guessedService || "";
    this.region = region || guessedRegion || "us-east-1";
    this.cache = cache || /* @__PURE__ */ new Map();
    this.datetime = datetime || (/* @__PURE__ */ new Date()).toISOString().replace(/[:-]|\.\d{3}/g, "");
    this.signQuery = signQuery;
    this.appendSessionToken = appendSessionToken || this.service === "iotdevicegateway";
    this.headers.delete("Host");
    if (this.service === "s3" && !this.signQuery && !this.headers.has("X-Amz-Content-Sha256")) {
      this.headers.set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
    }
    const params = this.signQuery ? this.url.searchParams : this.headers;
    params.set("X-Amz-Date", this.datetime);
    if (this.sessionToken && !this.appendSessionToken) {
      params.set("X-Amz-Security-Token", this.sessionToken);
    }
    this.signableHeaders = ["host", ...this.headers.keys()].filter((header) => allHeaders || !UNSIGNABLE_HEADERS.has(header)).sort();
    this.signedHeaders = this.signableHeaders.join(";");
    this.canonicalHeaders = this.signableHeaders.map((header) => header + ":" + (header === "host" ? this.url.host : (this.headers.get(header) || "").replace(/\s+/g, " "))).join("\n");
    this.credentialString = [this.datetime.slice(0, 8), this.region, this.service, "aws4_request"].join("/");
    if (this.signQuery) {
      if (this.service === "s3" && !params.has("X-Amz-Expires")) {
        params.set("X-Amz-Expires", "86400");
      }
      params.set("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
      params.set("X-Amz-Credential", this.accessKeyId + "/" + this.credentialString);
      params.set("X-Amz-SignedHeaders", this.signedHeaders);
    }
    if (this.service === "s3") {
      try {
        this.encodedPath = decodeURIComponent(this.url.pathname.replace(/\+/g, " "));
      } catch (e) {
        this.encodedPath = this.url.pathname;
      }
    } else {
      this.encodedPath = this.url.pathname.replace(/\/+/g, "/");
    }
    if (!singleEncode) {
      this.encodedPath = encodeURIComponent(this.encodedPath).replace(/%2F/g, "/");
    }
    this.encodedPath = encodeRfc3986(this.encodedPath);
    const seenKeys = /* @__PURE__ */ new Set();
    this.encodedSearch = [...this.url.searchParams].filter(([k]) => {
      if (!k) return false;
      if (this.service === "s3") {
        if (seenKeys.has(k)) return false;
        seenKeys.add(k);
      }
      return true;
    }).map((pair) => pair.map((p) => encodeRfc3986(encodeURIComponent(p)))).sort(([k1, v1], [k2, v2]) => k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0).map((pair) => pair.join("=")).join("&");
  }
  async sign() {
    if (this.signQuery) {
      this.url.searchParams.set("X-Amz-Signature", await this.signature());
      if (this.sessionToken && this.appendSessionToken) {
        this.url.searchParams.set("X-Amz-Security-Token", this.sessionToken);
      }
    } else {
      this.headers.set("Authorization", await this.authHeader());
    }
    return {
      method: this.method,
      url: this.url,
      headers: this.headers,
      body: this.body
    };
  }
  async authHeader() {
    return [
      "AWS4-HMAC-SHA256 Credential=" + this.accessKeyId + "/" + this.credentialString,
      "SignedHeaders=" + this.signedHeaders,
      "Signature=" + await this.signature()
    ].join(", ");
  }
  async signature() {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = await hmac("AWS4" + this.secretAccessKey, date);
      const kRegion = await hmac(kDate, this.region);
      const kService = await hmac(kRegion, this.service);
      kCredentials = await hmac(kService, "aws4_request");
      this.cache.set(cacheKey, kCredentials);
    }
    return buf2hex(await hmac(kCredentials, await this.stringToSign()));
  }
  async stringToSign() {
    return [
      "AWS4-HMAC-SHA256",
      this.datetime,
      this.credentialString,
      buf2hex(await hash(await this.canonicalString()))
    ].join("\n");
  }
  async canonicalString() {
    return [
      this.method.toUpperCase(),
      this.encodedPath,
      this.encodedSearch,
      this.canonicalHeaders + "\n",
      this.signedHeaders,
      await this.hexBodyHash()
    ].join("\n");
  }
  async hexBodyHash() {
    let hashHeader = this.headers.get("X-Amz-Content-Sha256") || (this.service === "s3" && this.signQuery ? "UNSIGNED-PAYLOAD" : null);
    if (hashHeader == null) {
      if (this.body && typeof this.body !== "string" && !("byteLength" in this.body)) {
        throw new Error("body must be a string, ArrayBuffer or ArrayBufferView, unless you include the X-Amz-Content-Sha256 header");
      }
      hashHeader = buf2hex(await hash(this.body || ""));
    }
    return hashHeader;
  }
};
async function hmac(key, string) {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    typeof key === "string" ? encoder.encode(key) : key,
    { name: "HMAC", hash: { name: "SHA-256" } },
    false,
    ["sign"]
  );
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(string));
}
async function hash(content) {
  return crypto.subtle.digest("SHA-256", typeof content === "string" ? encoder.encode(content) : content);
}
var HEX_CHARS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"];
function buf2hex(arrayBuffer) {
  const buffer = new Uint8Array(arrayBuffer);
  let out2 = "";
  for (let idx = 0; idx < buffer.length; idx++) {
    const n2 = buffer[idx];
    out2 += HEX_CHARS[n2 >>> 4 & 15];
    out2 += HEX_CHARS[n2 & 15];
  }
  return out2;
}
function encodeRfc3986(urlEncodedStr) {
  return urlEncodedStr.replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
function guessServiceRegion(url, headers) {
  const { hostname, pathname } = url;
  if (hostname.endsWith(".on.aws")) {
    const match2 = hostname.match(/^[^.]{1,63}\.lambda-url\.([^.]{1,63})\.on\.aws$/);
    return match2 != null ? ["lambda", match2[1] || ""] : ["", ""];
  }
  if (hostname.endsWith(".r2.cloudflarestorage.com")) {
    return ["s3", "auto"];
  }
  if (hostname.endsWith(".backblazeb2.com")) {
    const match2 = hostname.match(/^(?:[^.]{1,63}\.)?s3\.([^.]{1,63})\.backblazeb2\.com$/);
    return match2 != null ? ["s3", match2[1] || ""] : ["", ""];
  }
  const match = hostname.replace("dualstack.", "").match(/([^.]{1,63})\.(?:([^.]{0,63})\.)?amazonaws\.com(?:\.cn)?$/);
  let service = match && match[1] || "";
  let region = match && match[2];
  if (region === "us-gov") {
    region = "us-gov-west-1";
  } else if (region === "s3" || region === "s3-accelerate") {
    region = "us-east-1";
    service = "s3";
  } else if (service === "iot") {
    if (hostname.startsWith("iot.")) {
      service = "execute-api";
    } else if (hostname.startsWith("data.jobs.iot.")) {
      service = "iot-jobs-data";
    } else {
      service = pathname === "/mqtt" ? "iotdevicegateway" : "iotdata";
    }
  } else if (service === "autoscaling") {
    const targetPrefix = (headers.get("X-Amz-Target") || "").split(".")[0];
    if (targetPrefix === "AnyScaleFrontendService") {
      service = "application-autoscaling";
    } else if (targetPrefix === "AnyScaleScalingPlannerFrontendService") {
      service = "autoscaling-plans";
    }
  } else if (region == null && service.startsWith("s3-")) {
    region = service.slice(3).replace(/^fips-|^external-1/, "");
    service = "s3";
  } else if (service.endsWith("-fips")) {
    service = service.slice(0, -5);
  } else if (region && /-\d$/.test(service) && !/-\d$/.test(region)) {
    [service, region] = [region, service];
  }
  return [HOST_SERVICES[service] || service, region || ""];
}

// src/checkpoint/remote/s3.ts
function s3Target(address, env) {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1";
  const key = address.key.split("/").map(encodeURIComponent).join("/");
  const url = env.AWS_ENDPOINT_URL ? `${env.AWS_ENDPOINT_URL.replace(/\/+$/, "")}/${address.bucket}/${key}` : `https://${address.bucket}.s3.${region}.amazonaws.com/${key}`;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return { display: address.written, url };
  checkHeaderValue("AWS_ACCESS_KEY_ID", accessKeyId);
  const sessionToken = env.AWS_SESSION_TOKEN ? checkHeaderValue("AWS_SESSION_TOKEN", env.AWS_SESSION_TOKEN) : void 0;
  return {
    display: address.written,
    url,
    async sign(signUrl, headers) {
      const signer = new AwsV4Signer({ method: "GET", url: signUrl, headers, accessKeyId, secretAccessKey, service: "s3", region, allHeaders: true, ...sessionToken ? { sessionToken } : {} });
      const signed2 = await signer.sign();
      return Object.fromEntries(signed2.headers.entries());
    }
  };
}

// src/checkpoint/remote/open-remote.ts
var remoteTotals = { requests: 0, bytes: 0 };
function options2(env, overrides) {
  const policy = remotePolicy(env);
  return {
    ...DEFAULT_HTTP_OPTIONS,
    allowHosts: policy.hosts,
    ...deadlineOf(env),
    allowUnpinned: (env.CKPT_AUDIT_REMOTE_UNPINNED ?? "").trim().toLowerCase() === "allow",
    onBytes: (bytes) => {
      remoteTotals.bytes += bytes;
    },
    ...overrides
  };
}
function deadlineOf(env) {
  const seconds = Number(env.CKPT_AUDIT_REMOTE_DEADLINE_S);
  return env.CKPT_AUDIT_REMOTE_DEADLINE_S !== void 0 && Number.isFinite(seconds) && seconds > 0 ? { deadlineMs: seconds * 1e3 } : {};
}
function checkAllowed(display, env) {
  if (!remotePolicy(env).allow) throw new CheckpointError("refused", `${display}: remote checkpoints are disabled (remote: deny)`);
}
async function openRemote(written, env = process.env, overrides = {}) {
  const display = displayAddress(written);
  checkAllowed(display, env);
  const address = parseAddress(written);
  if ("problem" in address) throw new CheckpointError("not-found", address.problem);
  let target;
  if (address.kind === "https") target = { display, url: address.url.href };
  else if (address.kind === "hf") target = { ...hfTarget(address, env), display };
  else target = { ...s3Target(address, env), display };
  checkEndpoint(display, target.url);
  return track(written, counted(await openHttpSource(target, options2(env, overrides))));
}
async function openLfs(file, pointer, env = process.env, overrides = {}) {
  checkAllowed(file, env);
  const checkout = findCheckout(file);
  const endpoint = checkout === void 0 ? void 0 : lfsEndpoint(checkout);
  if (endpoint === void 0)
    throw new CheckpointError("lfs-pointer", `${file}: a Git LFS pointer, and no LFS endpoint was found (.lfsconfig lfs.url or the origin remote). Run \`git lfs pull\`, or set \`lfs: true\` on actions/checkout`);
  const opts = options2(env, overrides);
  const auth = lfsAuthorization(env, endpoint);
  if (auth.withheld !== void 0) notice(`${file}: ${auth.withheld}`);
  const target = await resolveLfs(file, pointer, endpoint, auth.authorization, opts);
  const source = await openHttpSource(target, opts);
  if (source.size !== pointer.size) throw new CheckpointError("changed", `${file}: the LFS object has ${source.size} bytes, the pointer says ${pointer.size}`);
  return track(`lfs:${file}`, counted(source));
}
function checkEndpoint(display, url) {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopbackHost(parsed.hostname)))
    throw new CheckpointError("refused", `${display}: ${parsed.protocol}//${parsed.host} is not https (plain http only on loopback)`);
}
var live = /* @__PURE__ */ new Map();
var versions = /* @__PURE__ */ new Map();
function track(key, source) {
  const version = versionOf(source);
  const before = versions.get(key);
  if (before !== void 0 && before !== version)
    throw new CheckpointError("changed", `${source.path}: the file changed during the audit (a second request found another version)`);
  versions.set(key, version);
  const tracked = {
    ...source,
    close: async () => {
      if (live.get(key) === tracked) live.delete(key);
      await source.close();
    }
  };
  live.set(key, tracked);
  return tracked;
}
function versionOf(source) {
  return JSON.stringify([source.size, source.pin.etag ?? null, source.pin.lastModified ?? null, source.wholeSha256 ?? null]);
}
var noticed = /* @__PURE__ */ new Set();
function notice(text) {
  if (noticed.has(text)) return;
  noticed.add(text);
  process.stderr.write(`ckpt-audit: notice: ${text}
`);
}
function counted(source) {
  remoteTotals.requests += source.stats.requests;
  return source;
}

// src/checkpoint/open.ts
var MAX_SCALAR_READS = 4096;
async function openCheckpoint(path) {
  if (isRemoteAddress(path)) return openSource(path, () => openRemote(path));
  let info;
  try {
    info = await stat3(path);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CheckpointError("not-found", `${path}: no such file or directory`);
    throw new CheckpointError("not-found", `${path}: cannot be opened (${code ?? error.message})`);
  }
  if (info.isDirectory()) return guard(path, () => readRunDirectory(path, openCheckpoint));
  if (!info.isFile()) throw new CheckpointError("not-a-checkpoint", `${path}: not a regular file`);
  if (info.size === 0) throw new CheckpointError("empty", `${path}: the file is empty (0 bytes)`);
  return openSource(path, async () => {
    try {
      return await openFileSource(path);
    } catch (error) {
      throw new CheckpointError("not-found", `${path}: cannot be opened (${error.code ?? error.message})`);
    }
  });
}
async function openSource(path, openBytes) {
  let source = await guard(path, openBytes);
  const globals = [];
  try {
    const viaLfs = await lfsObject(source);
    if (viaLfs !== void 0) {
      await source.close();
      source = viaLfs;
    }
    const checkpoint = await guard(path, () => readFile3(source, globals)).catch((error) => {
      error.globals = globals;
      throw error;
    });
    await readScalars(checkpoint);
    return checkpoint;
  } catch (error) {
    await source.close();
    throw error;
  }
}
async function lfsObject(source) {
  if (process.env.CKPT_AUDIT_LFS !== "batch" || !remotePolicy(process.env).allow) return void 0;
  if (source.size > 1024 || isRemoteAddress(source.path)) return void 0;
  const head = await readRange(source, 0, source.size, `${source.path}: first bytes`);
  if (sniff(head, source.size) !== "lfs-pointer") return void 0;
  const pointer = parseLfsPointer(new TextDecoder().decode(head));
  return pointer === void 0 ? void 0 : guard(source.path, () => openLfs(source.path, pointer));
}
async function readFile3(source, globals) {
  const head = await readRange(source, 0, Math.min(source.size, PROBE_BYTES), `${source.path}: first bytes`);
  const kind = sniff(head, source.size);
  switch (kind) {
    case "lfs-pointer": {
      const size = lfsPointerSize(head);
      throw new CheckpointError("lfs-pointer", `${source.path}: this is a Git LFS pointer, not the checkpoint${size === void 0 ? "" : ` (the real file has ${n(size)} bytes)`}. Run \`git lfs pull\`, set \`lfs: true\` on actions/checkout, or let ckpt-audit read it by range through the LFS batch API (CKPT_AUDIT_LFS=batch; on in the Action unless remote: deny)`);
    }
    case "torch-zip":
      return readTorchZip(source, globals);
    case "safetensors":
      return readSafetensors(source);
    case "torch-legacy":
      return readLegacyTorch(source, globals);
    case "pickle":
      return readPlainPickle(source, globals);
    case "other-zip":
      throw new CheckpointError("not-a-checkpoint", `${source.path}: a zip archive that does not start with a local file header (first bytes ${hex(head)})`);
    case "unknown":
      throw new CheckpointError("not-a-checkpoint", `${source.path}: not a torch, safetensors or pickle file (first bytes ${hex(head)})`);
  }
}
async function guard(path, read) {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    const failure = asCheckpointError(error);
    const message = failure.reason === "too-large" ? `structure too large to read (${failure.message})` : failure.message;
    throw new CheckpointError(failure.reason, `${path}: ${message}`);
  }
}
async function readScalars(checkpoint) {
  let reads = 0;
  for (const { tensor } of checkpoint.tensors) {
    if (tensor.shape.length !== 0 || reads >= MAX_SCALAR_READS) continue;
    const info = dtypeInfo(tensor.dtype);
    if (info === void 0 || info.kind === "complex" || info.kind === "opaque" || info.kind === "quantized") continue;
    reads++;
    const location = await checkpoint.locate(tensor.storage);
    const at = tensor.offset * info.itemSize;
    if (at + info.itemSize > location.length)
      throw new CheckpointError("corrupt", `${checkpoint.path}: a 0-dim tensor reads past its storage ${tensor.storage.key}`);
    const bytes = await readRange(location.source, location.start + at, info.itemSize, `${checkpoint.path}: storage ${tensor.storage.key}`);
    tensor.scalar = decodeElement(bytes, 0, tensor.dtype, location.littleEndian);
  }
}
function hex(head) {
  return [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

// src/weights/align.ts
var TRAINING_STATE = /* @__PURE__ */ new Set([
  "optimizer",
  "optimizer_state_dict",
  "optimizer_states",
  "optimizers",
  "lr_schedulers",
  "lr_scheduler",
  "scheduler",
  "scaler",
  "loops",
  "callbacks"
]);
var SECOND_CHOICE = /* @__PURE__ */ new Set([
  "ema",
  "ema_state_dict",
  "state_dict_ema",
  "model_ema",
  "ema_model",
  "model_ema_state_dict",
  "ema_state",
  "args",
  "hyper_parameters",
  "hparams",
  "config",
  "cfg",
  "training_args"
]);
var COUNTERS = /* @__PURE__ */ new Set(["epoch", "global_step", "step", "iteration", "best_score", "val_loss", "loss"]);
var STATE_DICT_KEYS = ["state_dict.", "model_state_dict."];
var MODULE_SEGMENTS = /* @__PURE__ */ new Set(["_modules", "_parameters", "_buffers"]);
function stateDictName(name) {
  const segments = name.split(".");
  if (!segments.some((s) => s === "_parameters" || s === "_buffers")) return name;
  return segments.filter((s) => !MODULE_SEGMENTS.has(s)).join(".");
}
function withoutStateDictKey(name, taken) {
  const key = STATE_DICT_KEYS.find((k) => name.startsWith(k));
  return key !== void 0 && !taken.has(name.slice(key.length)) ? name.slice(key.length) : name;
}
function weightTensors(tensors) {
  const model = tensors.filter((t) => !(t.tensor.shape.length === 0 && COUNTERS.has(t.name)) && !TRAINING_STATE.has(t.name.split(".")[0]));
  const first = model.filter((t) => !SECOND_CHOICE.has(t.name.split(".")[0]));
  const kept = first.length > 0 ? first : model;
  const taken = new Set(kept.map((t) => t.name));
  return kept.map((t) => {
    const name = stateDictName(withoutStateDictKey(t.name, taken));
    return name === t.name ? t : { ...t, name };
  });
}

// src/weights/chunk-pool.ts
var POOL_BYTES = 8 * 1024 * 1024;
var MAX_IDLE = 8;
var idle = [];
function acquireChunk(bytes) {
  if (bytes > POOL_BYTES) return new Uint8Array(bytes);
  return (idle.pop() ?? new Uint8Array(POOL_BYTES)).subarray(0, bytes);
}
function releaseChunk(chunk) {
  if (chunk.buffer.byteLength === POOL_BYTES && idle.length < MAX_IDLE) idle.push(new Uint8Array(chunk.buffer));
}

// src/weights/float8.ts
var FLOAT8_DTYPES = ["float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "float8_e8m0fnu"];
function isFloat8(dtype) {
  return FLOAT8_DTYPES.includes(dtype);
}
function e4m3fn(bits) {
  if ((bits & 127) === 127) return NaN;
  return signed(bits, minifloat(bits & 127, 3, 7));
}
function fnuz(bits, mantissa, bias) {
  if (bits === 128) return NaN;
  return signed(bits, minifloat(bits & 127, mantissa, bias));
}
function e8m0(bits) {
  return bits === 255 ? NaN : 2 ** (bits - 127);
}
function minifloat(magnitude, mantissa, bias) {
  const exponent = magnitude >> mantissa;
  const fraction = magnitude & (1 << mantissa) - 1;
  if (exponent === 0) return fraction * 2 ** (1 - bias - mantissa);
  return (1 + fraction / (1 << mantissa)) * 2 ** (exponent - bias);
}
function signed(bits, magnitude) {
  return bits & 128 ? -magnitude : magnitude;
}
var DECODERS = {
  float8_e4m3fn: e4m3fn,
  float8_e5m2: (bits) => halfToNumber(bits << 8),
  // e5m2 is the top byte of a float16
  float8_e4m3fnuz: (bits) => fnuz(bits, 3, 8),
  float8_e5m2fnuz: (bits) => fnuz(bits, 2, 16),
  float8_e8m0fnu: e8m0
};
var tables = /* @__PURE__ */ new Map();
function float8Table(dtype) {
  let table2 = tables.get(dtype);
  if (table2 === void 0) {
    table2 = Float64Array.from({ length: 256 }, (_, bits) => DECODERS[dtype](bits));
    tables.set(dtype, table2);
  }
  return table2;
}

// src/weights/element-reader.ts
var HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
var halfTable;
var bf16Table;
function table16(kind) {
  if (kind === "float16") return halfTable ??= Float64Array.from({ length: 65536 }, (_, i) => halfToNumber(i));
  return bf16Table ??= Float64Array.from({ length: 65536 }, (_, i) => bfloat16ToNumber(i));
}
function isDecodable(dtype) {
  const kind = dtypeInfo(dtype)?.kind;
  return kind === "float" || kind === "int" || kind === "uint" || kind === "bool" || isFloat8(dtype);
}
function isFloatingDtype(dtype) {
  return dtypeInfo(dtype)?.kind === "float" || isFloat8(dtype);
}
function hostAligned(bytes, size, littleEndian) {
  const swap = littleEndian !== HOST_LITTLE_ENDIAN && size > 1;
  if (bytes.byteOffset % size === 0 && !swap) return bytes;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (swap) for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
  return copy;
}
function float32View(bytes, littleEndian) {
  const b = hostAligned(bytes, 4, littleEndian);
  return new Float32Array(b.buffer, b.byteOffset, b.length / 4);
}
function fromLookup(codes, lookup, out2) {
  for (let i = 0; i < codes.length; i++) out2[i] = lookup[codes[i]];
}
function fromFloat64(values, out2) {
  out2.set(values);
}
function fromBigInts(values, out2) {
  for (let i = 0; i < values.length; i++) out2[i] = Number(values[i]);
}
function decodeInto(bytes, dtype, littleEndian, out2) {
  if (isFloat8(dtype)) return fromLookup(bytes, float8Table(dtype), out2);
  const size = dtypeInfo(dtype)?.itemSize ?? 1;
  const b = hostAligned(bytes, size, littleEndian);
  const count = b.length / size;
  switch (dtype) {
    case "float64":
      return fromFloat64(new Float64Array(b.buffer, b.byteOffset, count), out2);
    case "float32":
      return out2.set(new Float32Array(b.buffer, b.byteOffset, count));
    case "float16":
    case "bfloat16":
      return fromLookup(new Uint16Array(b.buffer, b.byteOffset, count), table16(dtype), out2);
    case "int64":
      return fromBigInts(new BigInt64Array(b.buffer, b.byteOffset, count), out2);
    case "uint64":
      return fromBigInts(new BigUint64Array(b.buffer, b.byteOffset, count), out2);
    case "int32":
      return out2.set(new Int32Array(b.buffer, b.byteOffset, count));
    case "uint32":
      return out2.set(new Uint32Array(b.buffer, b.byteOffset, count));
    case "int16":
      return out2.set(new Int16Array(b.buffer, b.byteOffset, count));
    case "uint16":
      return out2.set(new Uint16Array(b.buffer, b.byteOffset, count));
    case "int8":
      return out2.set(new Int8Array(b.buffer, b.byteOffset, count));
    case "uint8":
    case "bool":
      return out2.set(b);
    default:
      throw new Error(`no numeric decoding for ${dtype}`);
  }
}

// src/weights/stats-kernel.ts
function newAccumulator() {
  return { sum: 0, max: 0, beyond: 0, nan: 0 };
}
var out = new Float64Array(4);
function mergeInto(acc) {
  acc.sum += out[0];
  acc.max = Math.max(acc.max, out[1]);
  acc.beyond += out[2];
  acc.nan += out[3];
}
var TINY = 1e-30;
function accumulateFloat32(x, y, count, rel, acc, abs = TINY) {
  float32Kernel(x, y, count, rel, abs);
  mergeInto(acc);
}
function float32Kernel(x, y, count, rel, abs) {
  let sum = 0;
  let max = 0;
  let beyond = 0;
  let nan = 0;
  for (let i = 0; i < count; i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    const d = Math.abs(p - q);
    if (d !== d) {
      if (p === p || q === q) {
        beyond++;
        nan++;
      }
      continue;
    }
    sum += d;
    if (d > max) max = d;
    if (d === Infinity || d > rel * Math.max(Math.abs(p), Math.abs(q)) + abs) beyond++;
  }
  out[0] = sum;
  out[1] = max;
  out[2] = beyond;
  out[3] = nan;
}
function accumulateFloat64(x, y, count, rel, acc, abs = TINY) {
  float64Kernel(x, y, count, rel, abs);
  mergeInto(acc);
}
function float64Kernel(x, y, count, rel, abs) {
  let sum = 0;
  let max = 0;
  let beyond = 0;
  let nan = 0;
  for (let i = 0; i < count; i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    const d = Math.abs(p - q);
    if (d !== d) {
      if (p === p || q === q) {
        beyond++;
        nan++;
      }
      continue;
    }
    sum += d;
    if (d > max) max = d;
    if (d === Infinity || d > rel * Math.max(Math.abs(p), Math.abs(q)) + abs) beyond++;
  }
  out[0] = sum;
  out[1] = max;
  out[2] = beyond;
  out[3] = nan;
}
function accumulateFloat32Exact(x, y, count, acc) {
  if (!exactKernel(x, y, count)) return false;
  mergeInto(acc);
  return true;
}
function exactKernel(x, y, count) {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, m0 = 0, m1 = 0, same = 0;
  const whole = count - count % 4;
  for (let i = 0; i < whole; i += 4) {
    const d0 = Math.abs(x[i] - y[i]);
    const d1 = Math.abs(x[i + 1] - y[i + 1]);
    const d2 = Math.abs(x[i + 2] - y[i + 2]);
    const d3 = Math.abs(x[i + 3] - y[i + 3]);
    s0 += d0;
    s1 += d1;
    s2 += d2;
    s3 += d3;
    m0 = Math.max(m0, d0, d1);
    m1 = Math.max(m1, d2, d3);
    if (d0 <= TINY) same++;
    if (d1 <= TINY) same++;
    if (d2 <= TINY) same++;
    if (d3 <= TINY) same++;
  }
  exactTail(x, y, whole, count);
  const sum = s0 + s1 + s2 + s3 + tail[0];
  if (!Number.isFinite(sum)) return false;
  out[0] = sum;
  out[1] = Math.max(m0, m1, tail[1]);
  out[2] = count - same - tail[2];
  out[3] = 0;
  return true;
}
var tail = new Float64Array(3);
function exactTail(x, y, from, count) {
  let sum = 0, max = 0, same = 0;
  for (let i = from; i < count; i++) {
    const d = Math.abs(x[i] - y[i]);
    sum += d;
    max = Math.max(max, d);
    if (d <= TINY) same++;
  }
  tail[0] = sum;
  tail[1] = max;
  tail[2] = same;
}
function warmUp() {
  const x = Float32Array.of(1, 2, 3, 4, 5, 6, 7);
  const y = Float32Array.of(1, 2.5, 3, 4, 5, 6, 7.5);
  const acc = newAccumulator();
  for (let i = 0; i < 32; i++) {
    accumulateFloat32Exact(x, y, 7, acc);
    accumulateFloat32(x, y, 7, 0, acc);
    accumulateFloat64(Float64Array.from(x), Float64Array.from(y), 7, 2 ** -8, acc);
  }
}
warmUp();

// src/weights/tensor-diff.ts
var CHUNK_ELEMENTS = 1 << 20;
var MAX_VIEW_SPAN_BYTES = 256 * 1024 * 1024;
var ROUNDING = {
  bfloat16: 2 ** -8,
  float16: 2 ** -10,
  float32: 2 ** -23,
  float64: 2 ** -52,
  float8_e4m3fn: 2 ** -4,
  float8_e4m3fnuz: 2 ** -4,
  float8_e5m2: 2 ** -3,
  float8_e5m2fnuz: 2 ** -3,
  float8_e8m0fnu: 1
};
var HALF_SUBNORMAL = {
  bfloat16: 2 ** -134,
  float16: 2 ** -25,
  float32: 2 ** -150,
  float64: 2 ** -1075,
  float8_e4m3fn: 2 ** -10,
  float8_e4m3fnuz: 2 ** -11,
  float8_e5m2: 2 ** -17,
  float8_e5m2fnuz: 2 ** -18,
  float8_e8m0fnu: 2 ** -128
};
function isContiguous(tensor) {
  let expected = 1;
  for (let d = tensor.shape.length - 1; d >= 0; d--) {
    if (tensor.shape[d] !== 1 && tensor.stride[d] !== expected) return false;
    expected *= tensor.shape[d];
  }
  return true;
}
async function tensorReader(side) {
  const { checkpoint, tensor } = side;
  const size = dtypeInfo(tensor.dtype).itemSize;
  const location = await checkpoint.locate(tensor.storage);
  const what = `${checkpoint.path}: storage ${tensor.storage.key}`;
  if (isContiguous(tensor)) {
    if ((tensor.offset + tensor.numel) * size > location.length)
      throw new CheckpointError(
        "corrupt",
        `${what}: the tensor needs ${n((tensor.offset + tensor.numel) * size)} bytes, the storage has ${n(location.length)}`
      );
    const at = (start) => location.start + (tensor.offset + start) * size;
    return {
      littleEndian: location.littleEndian,
      read: (start, count) => readRange(location.source, at(start), count * size, what),
      readInto: (start, count, target) => readRangeInto(location.source, at(start), target.subarray(0, count * size), what)
    };
  }
  const last = tensor.offset + tensor.shape.reduce((acc, s, d) => acc + (s - 1) * tensor.stride[d], 0);
  const spanBytes = (last - tensor.offset + 1) * size;
  if (spanBytes > MAX_VIEW_SPAN_BYTES)
    throw new CheckpointError(
      "too-large",
      `${what}: a non-contiguous view spanning ${n(spanBytes)} bytes (the limit for views is ${n(MAX_VIEW_SPAN_BYTES)})`
    );
  if (last * size + size > location.length) throw new CheckpointError("corrupt", `${what}: the view reaches past its storage`);
  const span = await readRange(location.source, location.start + tensor.offset * size, spanBytes, what);
  const gathered = new Uint8Array(tensor.numel * size);
  const index = new Array(tensor.shape.length).fill(0);
  for (let i = 0; i < tensor.numel; i++) {
    let element = 0;
    for (let d = 0; d < index.length; d++) element += index[d] * tensor.stride[d];
    gathered.set(span.subarray(element * size, element * size + size), i * size);
    for (let d = index.length - 1; d >= 0; d--) {
      if (++index[d] < tensor.shape[d]) break;
      index[d] = 0;
    }
  }
  const read = async (start, count) => gathered.subarray(start * size, (start + count) * size);
  return { littleEndian: location.littleEndian, read, readInto: read };
}
function equalBytes(a, b) {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
function compareMode(dtypeA, dtypeB) {
  if (isDecodable(dtypeA) && isDecodable(dtypeB)) return "values";
  return dtypeA === dtypeB && dtypeInfo(dtypeA) !== void 0 ? "bitwise" : "none";
}
function differingElements(x, y, size) {
  let count = 0;
  for (let i = 0; i < x.length; i += size) {
    for (let k = 0; k < size; k++) {
      if (x[i + k] !== y[i + k]) {
        count++;
        break;
      }
    }
  }
  return count;
}
var scratch;
function scratchPair() {
  return scratch ??= [new Float64Array(CHUNK_ELEMENTS), new Float64Array(CHUNK_ELEMENTS)];
}
function roundingBound(dtypeA, dtypeB) {
  if (dtypeA === dtypeB) return { rel: 0, abs: TINY };
  const abs = Math.max(HALF_SUBNORMAL[dtypeA] ?? 0, HALF_SUBNORMAL[dtypeB] ?? 0, TINY);
  return { rel: Math.max(ROUNDING[dtypeA] ?? 0, ROUNDING[dtypeB] ?? 0), abs };
}
function accumulateChunk(a, b, x, y, littleEndian, count, bound, acc) {
  if (a.tensor.dtype === "float32" && b.tensor.dtype === "float32") {
    const [u2, v2] = [float32View(x, littleEndian[0]), float32View(y, littleEndian[1])];
    if (bound.rel === 0 && accumulateFloat32Exact(u2, v2, count, acc)) return;
    accumulateFloat32(u2, v2, count, bound.rel, acc, bound.abs);
    return;
  }
  const [u, v] = scratchPair();
  decodeInto(x, a.tensor.dtype, littleEndian[0], u);
  decodeInto(y, b.tensor.dtype, littleEndian[1], v);
  accumulateFloat64(u, v, count, bound.rel, acc, bound.abs);
}
async function tensorStats(a, b, rounding) {
  const numel = a.tensor.numel;
  const mode = compareMode(a.tensor.dtype, b.tensor.dtype);
  if (mode === "none") throw new Error(`${a.tensor.dtype} and ${b.tensor.dtype} cannot be compared`);
  const [readerA, readerB] = await Promise.all([tensorReader(a), tensorReader(b)]);
  const sameDtype = a.tensor.dtype === b.tensor.dtype;
  const bound = rounding ?? roundingBound(a.tensor.dtype, b.tensor.dtype);
  const size = dtypeInfo(a.tensor.dtype).itemSize;
  const order = [readerA.littleEndian, readerB.littleEndian];
  const chunkBytes = (side) => Math.min(numel, CHUNK_ELEMENTS) * dtypeInfo(side.tensor.dtype).itemSize;
  const buffers = [0, 1].map(() => [acquireChunk(chunkBytes(a)), acquireChunk(chunkBytes(b))]);
  const readChunk = (start) => {
    const count = Math.min(CHUNK_ELEMENTS, numel - start);
    const [bufA, bufB] = buffers[start / CHUNK_ELEMENTS % 2];
    return Promise.all([readerA.readInto(start, count, bufA), readerB.readInto(start, count, bufB)]);
  };
  let identical = sameDtype;
  const acc = newAccumulator();
  let next = numel > 0 ? readChunk(0) : void 0;
  try {
    for (let start = 0; start < numel; start += CHUNK_ELEMENTS) {
      const count = Math.min(CHUNK_ELEMENTS, numel - start);
      const [bytesA, bytesB] = await next;
      next = start + CHUNK_ELEMENTS < numel ? readChunk(start + CHUNK_ELEMENTS) : void 0;
      next?.catch(() => {
      });
      if (sameDtype && order[0] === order[1] && equalBytes(bytesA, bytesB)) continue;
      identical = false;
      if (mode === "bitwise") acc.beyond += differingElements(bytesA, bytesB, size);
      else accumulateChunk(a, b, bytesA, bytesB, order, count, bound, acc);
    }
  } finally {
    await next?.catch(() => {
    });
    for (const pair of buffers) pair.forEach(releaseChunk);
  }
  return { elements: numel, identical, sumAbsDiff: acc.sum, maxAbsDiff: acc.max, beyondRounding: acc.beyond, nanMismatch: acc.nan, mode };
}

// src/fingerprint/positions.ts
import { createHash as createHash2 } from "node:crypto";
var SAMPLE_SIZE = 4096;
function leafName(name) {
  return name.slice(name.lastIndexOf(".") + 1);
}
function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 1831565813 >>> 0;
    let t = s;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return (t ^ t >>> 14) >>> 0;
  };
}
function seedOf(name, shape, salt) {
  const digest = createHash2("sha256").update(salt.bytes).update(`\0${leafName(name)}\0${shape.join("x")}`).digest();
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)];
}
function samplePositions(name, shape, numel, salt, k = SAMPLE_SIZE) {
  if (numel <= k) return Float64Array.from({ length: numel }, (_, i) => i);
  const key = `${salt.id}\0${leafName(name)}\0${shape.join("x")}\0${numel}\0${k}`;
  const known = recent.get(key);
  if (known !== void 0) return known;
  const drawn = draw(name, shape, numel, salt, k);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value);
  recent.set(key, drawn);
  return drawn;
}
var RECENT_LIMIT = 512;
var recent = /* @__PURE__ */ new Map();
function draw(name, shape, numel, salt, k) {
  const [s0, s1] = seedOf(name, shape, salt);
  const [hi, lo] = [mulberry32(s0), mulberry32(s1)];
  const chosen = /* @__PURE__ */ new Set();
  while (chosen.size < k) {
    const unit = ((hi() >>> 5) * 67108864 + (lo() >>> 6)) / 9007199254740992;
    chosen.add(Math.floor(unit * numel));
  }
  return Float64Array.from(chosen).sort();
}

// src/fingerprint/sample-salt.ts
import { createHash as createHash3, createHmac, randomBytes } from "node:crypto";
function saltOf(bytes, source) {
  return { bytes, id: createHash3("sha256").update(bytes).digest("hex").slice(0, 16), source };
}

// src/fingerprint/tensor-hash.ts
import { createCipheriv, createHmac as createHmac2 } from "node:crypto";
var NONCE = Buffer.alloc(12);
var keys = /* @__PURE__ */ new WeakMap();
function keysOf(salt) {
  let pair = keys.get(salt.bytes);
  if (pair === void 0) {
    const derived = createHmac2("sha256", salt.bytes).update("ckpt-audit tensor hash").digest();
    pair = { hash: derived.subarray(0, 16), finish: derived.subarray(16, 32) };
    keys.set(salt.bytes, pair);
  }
  return pair;
}
function tensorHash(salt) {
  const { hash: hash2, finish } = keysOf(salt);
  const gcm = createCipheriv("aes-128-gcm", hash2, NONCE);
  return {
    // chunks of any length: GCM buffers partial blocks, so the tag is the concatenation's
    update: (bytes) => {
      gcm.setAAD(bytes);
    },
    digest: () => {
      gcm.final();
      const block = createCipheriv("aes-128-ecb", finish, null).setAutoPadding(false);
      return Buffer.concat([block.update(gcm.getAuthTag()), block.final()]).toString("hex");
    }
  };
}

// src/fingerprint/fingerprint-checkpoint.ts
var one = new Float64Array(1);
function decodeAt(chunk, index, size, dtype, littleEndian) {
  decodeInto(chunk.subarray(index * size, index * size + size), dtype, littleEndian, one);
  return one[0];
}
var FINGERPRINT_CHUNK = 1 << 19;
var scratch2;
var scanned = new Float64Array(3);
function scanFloat32(values, count) {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const whole = count - count % 4;
  for (let i = 0; i < whole; i += 4) {
    const x0 = values[i];
    const x1 = values[i + 1];
    const x2 = values[i + 2];
    const x3 = values[i + 3];
    a0 += Math.abs(x0);
    a1 += Math.abs(x1);
    a2 += Math.abs(x2);
    a3 += Math.abs(x3);
    s0 += x0;
    s1 += x1;
    s2 += x2;
    s3 += x3;
  }
  tailSums(values, whole, count);
  const abs = a0 + a1 + a2 + a3 + tail2[0];
  if (abs - abs === 0) {
    scanned[0] = 0;
    scanned[1] = abs;
    scanned[2] = s0 + s1 + s2 + s3 + tail2[1];
    return;
  }
  scanCarefully(values, count);
}
var tail2 = new Float64Array(2);
function tailSums(values, from, count) {
  let abs = 0, sum = 0;
  for (let i = from; i < count; i++) {
    abs += Math.abs(values[i]);
    sum += values[i];
  }
  tail2[0] = abs;
  tail2[1] = sum;
}
function scanCarefully(values, count) {
  let nans = 0, abs = 0, sum = 0;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    if (v !== v) nans++;
    else if (v - v === 0) {
      abs += Math.abs(v);
      sum += v;
    }
  }
  scanned[0] = nans;
  scanned[1] = abs;
  scanned[2] = sum;
}
function scanFloat64(values, count) {
  let nans = 0, abs = 0, sum = 0;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    if (v !== v) nans++;
    else if (v - v === 0) {
      abs += Math.abs(v);
      sum += v;
    }
  }
  scanned[0] = nans;
  scanned[1] = abs;
  scanned[2] = sum;
}
function scanChunk(chunk, dtype, littleEndian, count) {
  if (dtype === "float32") {
    const view = float32View(chunk, littleEndian);
    scanFloat32(view, count);
    return view;
  }
  const values = scratch2 ??= new Float64Array(FINGERPRINT_CHUNK);
  decodeInto(chunk, dtype, littleEndian, values);
  scanFloat64(values, count);
  return values;
}
for (let i = 0; i < 32; i++) {
  scanFloat32(Float32Array.of(1, -2, 3, 4, 5), 5);
  scanFloat32(Float32Array.of(1, NaN, Infinity, 4, 5), 5);
  scanFloat64(Float64Array.of(1, NaN, Infinity, 4, 5), 5);
}
async function fingerprintTensor(checkpoint, named, salt) {
  const { tensor } = named;
  const size = dtypeInfo(tensor.dtype)?.itemSize ?? 0;
  const numel = tensor.numel;
  const reader = await tensorReader({ checkpoint, tensor });
  const hash2 = tensorHash(salt);
  const decodable = isDecodable(tensor.dtype);
  const positions = decodable ? samplePositions(named.name, tensor.shape, numel, salt) : new Float64Array(0);
  const samples = new Float64Array(positions.length);
  const floating = isFloatingDtype(tensor.dtype);
  const buffers = [0, 1].map(() => acquireChunk(Math.min(numel, FINGERPRINT_CHUNK) * size));
  const readChunk = (start) => reader.readInto(start, Math.min(FINGERPRINT_CHUNK, numel - start), buffers[start / FINGERPRINT_CHUNK % 2]);
  let [next, nans, absSum, signedSum] = [0, 0, 0, 0];
  let pending = numel > 0 ? readChunk(0) : void 0;
  try {
    for (let start = 0; start < numel; start += FINGERPRINT_CHUNK) {
      const count = Math.min(FINGERPRINT_CHUNK, numel - start);
      const bytes = await pending;
      pending = start + FINGERPRINT_CHUNK < numel ? readChunk(start + FINGERPRINT_CHUNK) : void 0;
      pending?.catch(() => {
      });
      hash2.update(bytes);
      if (floating) {
        const values = scanChunk(bytes, tensor.dtype, reader.littleEndian, count);
        nans += scanned[0];
        absSum += scanned[1];
        signedSum += scanned[2];
        for (; next < positions.length && positions[next] < start + count; next++) samples[next] = values[positions[next] - start];
      }
      for (; next < positions.length && positions[next] < start + count; next++)
        samples[next] = decodeAt(bytes, positions[next] - start, size, tensor.dtype, reader.littleEndian);
    }
  } finally {
    await pending?.catch(() => {
    });
    buffers.forEach(releaseChunk);
  }
  return {
    name: named.name,
    dtype: tensor.dtype,
    shape: [...tensor.shape],
    numel,
    littleEndian: reader.littleEndian,
    hash: hash2.digest(),
    nans,
    absSum,
    sum: signedSum,
    samples
  };
}
var readable = (t) => dtypeInfo(t.tensor.dtype) !== void 0;
async function fingerprintInProcess(checkpoint, salt) {
  const tensors = /* @__PURE__ */ new Map();
  let bytesRead = 0;
  for (const named of weightTensors(checkpoint.tensors).filter(readable)) {
    tensors.set(named.name, await fingerprintTensor(checkpoint, named, salt));
    bytesRead += named.tensor.numel * dtypeInfo(named.tensor.dtype).itemSize;
  }
  return { tensors, bytesRead, saltId: salt.id };
}

// src/workers/worker.ts
async function withOpen(paths, work) {
  const opened = [];
  try {
    for (const path of paths) opened.push(await openCheckpoint(path));
    return await work(opened);
  } finally {
    for (const c of opened) await c.close().catch(() => {
    });
  }
}
function fingerprint(job) {
  return withOpen([job.path], async ([checkpoint]) => {
    const fp = await fingerprintInProcess(checkpoint, saltOf(Buffer.from(job.salt), job.saltSource));
    return { tensors: [...fp.tensors.values()], bytesRead: fp.bytesRead, saltId: fp.saltId };
  });
}
function stats(job) {
  return withOpen([job.a, job.b], async ([a, b]) => {
    const byName2 = (c, name) => {
      const found = weightTensors(c.tensors).find((t) => t.name === name);
      if (found === void 0) throw new CheckpointError("changed", `${c.path}: no tensor ${name} (the file changed while it was compared)`);
      return found.tensor;
    };
    const out2 = [];
    for (const [nameA, nameB] of job.pairs)
      out2.push(await tensorStats({ checkpoint: a, tensor: byName2(a, nameA) }, { checkpoint: b, tensor: byName2(b, nameB) }));
    return out2;
  });
}
parentPort?.on("message", async ({ id, job }) => {
  try {
    const value = job.kind === "fingerprint" ? await fingerprint(job) : await stats(job);
    parentPort.postMessage({ id, value });
  } catch (error) {
    const reason = error.reason;
    parentPort.postMessage({ id, error: { message: error.message, ...typeof reason === "string" ? { reason } : {} } });
  }
});
