module.exports = require('./dist/server/domain/index.js');
